package com.forum.web.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.forum.discussion.TopicOrder;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionOrder;
import com.forum.petition.PetitionStatus;
import com.forum.petition.ReleaseId;
import com.forum.petition.StatusChange;
import com.forum.search.SearchSort;
import com.forum.search.SearchType;
import com.forum.search.TimeRange;
import com.forum.shared.InvalidInputException;

/** Parses the enumerated query parameters case-insensitively, naming the choices when one is wrong. */
final class ApiParameters {

	private ApiParameters() {
	}

	static TopicOrder order(String sort) {
		return parse(TopicOrder.class, "sort", sort);
	}

	static SearchSort searchSort(String sort) {
		return parse(SearchSort.class, "sort", sort);
	}

	/** The {@code type} filter of search: type names, repeated or comma-separated; none means every type. */
	static Set<SearchType> searchTypes(List<String> names) {
		Set<SearchType> types = EnumSet.noneOf(SearchType.class);
		if (names != null) {
			for (String value : names) {
				for (String name : value.split(",")) {
					if (!name.isBlank()) {
						types.add(parse(SearchType.class, "type", name));
					}
				}
			}
		}
		return types;
	}

	/** The {@code time} filter of search: day, week, month or year; blank for any time. */
	static TimeRange timeRange(String time) {
		return time == null || time.isBlank() ? null : parse(TimeRange.class, "time", time);
	}

	/** Tags, repeated or comma-separated. */
	static Set<String> tags(List<String> values) {
		if (values == null) {
			return Set.of();
		}
		Set<String> tags = new java.util.LinkedHashSet<>();
		for (String value : values) {
			for (String tag : value.split(",")) {
				if (!tag.isBlank()) {
					tags.add(tag.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		return tags;
	}

	static PetitionOrder petitionOrder(String sort) {
		return parse(PetitionOrder.class, "sort", sort);
	}

	/** The {@code status} filter: status names, repeated or comma-separated, or "open" for all open ones. */
	static Set<PetitionStatus> petitionStatuses(List<String> names) {
		if (names == null) {
			return Set.of();
		}
		Set<PetitionStatus> statuses = EnumSet.noneOf(PetitionStatus.class);
		for (String value : names) {
			for (String name : value.split(",")) {
				if ("open".equalsIgnoreCase(name.strip())) {
					statuses.addAll(PetitionStatus.OPEN);
				}
				else if (!name.isBlank()) {
					statuses.add(parse(PetitionStatus.class, "status", name));
				}
			}
		}
		return statuses;
	}

	static StatusChange statusChange(String status, String response, Long releaseId, Long duplicateOfId) {
		return new StatusChange(parse(PetitionStatus.class, "status", status), response,
				releaseId == null ? null : new ReleaseId(releaseId),
				duplicateOfId == null ? null : new PetitionId(duplicateOfId));
	}

	static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			StringBuilder choices = new StringBuilder();
			for (E constant : type.getEnumConstants()) {
				choices.append(choices.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
			}
			throw new InvalidInputException(name, "one-of", "must be one of " + choices, String.valueOf(choices));
		}
	}
}
