package com.forum.search;

import java.util.List;

public record SearchResults(List<SearchHit> hits, long total, int page, int size, List<BoardFacet> boards,
		long tookMillis) {

	public int totalPages() {
		return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
	}
}
