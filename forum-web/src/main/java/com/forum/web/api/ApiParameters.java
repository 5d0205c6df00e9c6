package com.forum.web.api;

import java.util.Locale;

import com.forum.discussion.TopicOrder;
import com.forum.search.SearchSort;
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

	static com.forum.petition.PetitionStatus petitionStatus(String name, String value) {
		return parse(com.forum.petition.PetitionStatus.class, name, value);
	}

	static com.forum.petition.PetitionOrder petitionOrder(String sort) {
		return parse(com.forum.petition.PetitionOrder.class, "sort", sort);
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
			throw new InvalidInputException(name, "must be one of " + choices);
		}
	}
}
