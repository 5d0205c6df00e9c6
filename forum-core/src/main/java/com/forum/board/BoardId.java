package com.forum.board;

public record BoardId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
