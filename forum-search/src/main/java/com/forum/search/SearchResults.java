package com.forum.search;

import java.util.List;

/**
 * @param types counts by {@link SearchType#key()}
 * @param statuses counts of petitions by status name
 * @param tags counts of petitions by tag, the most frequent first
 * @param times counts by {@link TimeRange#key()}
 * @param didYouMean a corrected query that finds more, when this one found few; null otherwise
 * @param corrected whether the hits and counts are those of {@code didYouMean}, because the query as
 *     typed found nothing
 */
public record SearchResults(List<SearchHit> hits, long total, int page, int size, List<BoardFacet> boards,
		long tookMillis, List<FacetCount> types, List<FacetCount> statuses, List<FacetCount> tags,
		List<FacetCount> times, String didYouMean, boolean corrected) {

	static SearchResults none(SearchQuery query) {
		return new SearchResults(List.of(), 0, query.page(), query.size(), List.of(), 0, List.of(), List.of(), List.of(),
				List.of(), null, false);
	}

	/** These results, offering a corrected query that finds more. */
	SearchResults offering(String correction) {
		return new SearchResults(hits, total, page, size, boards, tookMillis, types, statuses, tags, times, correction,
				false);
	}

	/** These results, found by a corrected query in place of one that found nothing. */
	SearchResults correctedTo(String correction) {
		return new SearchResults(hits, total, page, size, boards, tookMillis, types, statuses, tags, times, correction,
				true);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
	}

	public long typeCount(String type) {
		return count(types, type);
	}

	public long timeCount(String range) {
		return count(times, range);
	}

	/** The count of one value of a facet, zero when nothing carries it. */
	public static long count(List<FacetCount> facet, String value) {
		return facet.stream().filter(f -> f.value().equals(value)).mapToLong(FacetCount::count).sum();
	}
}
