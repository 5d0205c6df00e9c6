package com.forum.board;

public record BoardSummary(BoardId id, String slug, String name, String description, BoardKind kind) {

	public boolean isSupport() {
		return kind == BoardKind.SUPPORT;
	}
}
