package com.forum.search;

import com.forum.board.BoardId;

/** How many matches a board holds, for narrowing a search. */
public record BoardFacet(BoardId boardId, long count) {
}
