package com.forum.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.forum.search.internal.MemberDocument;
import com.forum.search.internal.PetitionDocument;
import com.forum.search.internal.PostDocument;

/** What a search result is; {@link #key()} is how the API and the pages name it ({@code type=thread}). */
public enum SearchType {

	THREAD(PostDocument.TOPIC), REPLY(PostDocument.REPLY), PETITION(PetitionDocument.PETITION),
	MEMBER(MemberDocument.MEMBER);

	private final String kind;

	SearchType(String kind) {
		this.kind = kind;
	}

	/** The value of the {@code kind} field every search index stores. */
	String kind() {
		return kind;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<SearchType> ofKind(String kind) {
		return Arrays.stream(values()).filter(t -> t.kind.equals(kind)).findFirst();
	}
}
