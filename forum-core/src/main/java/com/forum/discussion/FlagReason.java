package com.forum.discussion;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.forum.shared.InvalidInputException;

/** Why a member flags or hides a post; "other" says why in a note. */
public enum FlagReason {

	SPAM, RUDE, OFF_TOPIC, OTHER;

	/** As the API, forms and message keys spell it: {@code off-topic}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The reason a request names ({@code off-topic}, or its constant name); anything else is refused. */
	public static FlagReason of(String id) {
		String wanted = id == null ? "" : id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(values())
			.filter(reason -> reason.name().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("reason", "one-of", "must be one of " + ids(), ids()));
	}

	private static String ids() {
		return Arrays.stream(values()).map(FlagReason::id).collect(Collectors.joining(", "));
	}
}
