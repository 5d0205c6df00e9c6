package com.forum.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Pagination controls: previous/next and a window of page numbers with gaps. Pages are 1-based,
 * as in the address bar.
 */
public record Pager(int current, int totalPages, String previousUrl, String nextUrl, List<Item> items) {

	private static final int WINDOW = 2;

	/** A page number with its address, or a gap ("…") when {@code number} is 0. */
	public record Item(int number, String url, boolean current) {

		public boolean gap() {
			return number == 0;
		}
	}

	public boolean needed() {
		return totalPages > 1;
	}

	static Pager of(int current, int totalPages, IntFunction<String> urlFor) {
		List<Item> items = new ArrayList<>();
		int last = 0;
		for (int n = 1; n <= totalPages; n++) {
			boolean shown = n == 1 || n == totalPages || Math.abs(n - current) <= WINDOW;
			if (!shown) {
				continue;
			}
			if (n > last + 1) {
				items.add(new Item(0, null, false));
			}
			items.add(new Item(n, urlFor.apply(n), n == current));
			last = n;
		}
		String previous = current > 1 && current <= totalPages ? urlFor.apply(current - 1) : null;
		String next = current < totalPages ? urlFor.apply(current + 1) : null;
		return new Pager(current, totalPages, previous, next, List.copyOf(items));
	}
}
