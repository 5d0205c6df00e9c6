package com.forum.search.internal;

import java.time.Instant;
import java.util.List;

import com.forum.petition.PetitionSnapshot;

/**
 * A petition as stored in the petitions index: what similar-petition detection shows, and what the
 * site search finds petitions by (description, tags, official responses; never internal notes).
 * Votes are the folded count, which follows the votes a second or so behind.
 */
public record PetitionDocument(long petitionId, long boardId, String title, String status, int votes,
		Instant createdAt, Instant statusChangedAt, String kind, String description, List<String> tags,
		String officialResponse) {

	/** The value of {@code kind}, shared with the posts and members indexes so one search can filter by it. */
	public static final String PETITION = "petition";

	static PetitionDocument of(PetitionSnapshot petition) {
		return new PetitionDocument(petition.id().value(), petition.boardId().value(), petition.title(),
				petition.status().name(), petition.votes(), petition.createdAt(), petition.statusChangedAt(), PETITION,
				petition.description(), petition.tags(), petition.officialResponses());
	}
}
