package com.forum.search;

import com.forum.board.BoardId;

/**
 * @param text what the member typed
 * @param board only this board, or every board when null
 * @param page zero-based page
 * @param size hits per page
 */
public record SearchQuery(String text, BoardId board, SearchSort sort, int page, int size) {
}
