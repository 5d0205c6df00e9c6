package com.forum.web.pages;

import java.util.Locale;
import java.util.Set;

import com.forum.petition.PetitionStatus;

/**
 * The status filter of the petition list and the triage queue, as their addresses carry it: "any",
 * "open", or one status in lower case ("under_review"). A value that names nothing known falls back
 * to the list's default rather than failing: a filter is only a view preference.
 */
final class StatusFilter {

	static final String ANY = "any";

	static final String OPEN = "open";

	private StatusFilter() {
	}

	/** The filter {@code text} names, normalized; {@code otherwise} if it names none. */
	static String parse(String text, String otherwise) {
		String name = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		if (name.equals(ANY) || name.equals(OPEN)) {
			return name;
		}
		for (PetitionStatus status : PetitionStatus.values()) {
			if (status.name().equalsIgnoreCase(name)) {
				return name;
			}
		}
		return otherwise;
	}

	/** The statuses a parsed filter lets through; an empty set lets every status through. */
	static Set<PetitionStatus> statuses(String filter) {
		return switch (filter) {
			case ANY -> Set.of();
			case OPEN -> PetitionStatus.OPEN;
			default -> Set.of(PetitionStatus.valueOf(filter.toUpperCase(Locale.ROOT)));
		};
	}
}
