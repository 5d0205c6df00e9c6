package com.forum.search;

import java.util.Set;

import com.forum.board.BoardId;
import com.forum.petition.PetitionStatus;

/**
 * @param text what the member typed: words, and phrases in double quotes
 * @param board only this board, or every board when null
 * @param page zero-based page
 * @param size hits per page
 * @param types only these kinds of result, or all when empty
 * @param statuses only petitions in these statuses, or any when empty (other types are left out
 *     when a status is chosen)
 * @param tags only petitions with one of these tags, or any when empty
 * @param time only results created within this range, or any time when null
 */
public record SearchQuery(String text, BoardId board, SearchSort sort, int page, int size, Set<SearchType> types,
		Set<PetitionStatus> statuses, Set<String> tags, TimeRange time) {

	public SearchQuery {
		types = types == null ? Set.of() : Set.copyOf(types);
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		tags = tags == null ? Set.of() : Set.copyOf(tags);
	}

	/** Threads and replies, as search was before petitions and members joined it. */
	public SearchQuery(String text, BoardId board, SearchSort sort, int page, int size) {
		this(text, board, sort, page, size, Set.of(SearchType.THREAD, SearchType.REPLY), Set.of(), Set.of(), null);
	}
}
