package com.forum.web.api;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * Every list in the API has this shape. {@code page} is 1-based, as in the {@code page} query
 * parameter.
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber() + 1,
				page.getSize(), page.getTotalElements(), page.getTotalPages());
	}

	static <T> PageResponse<T> all(List<T> items) {
		return new PageResponse<>(items, 1, items.size(), items.size(), items.isEmpty() ? 0 : 1);
	}
}
