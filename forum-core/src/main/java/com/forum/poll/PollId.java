package com.forum.poll;

public record PollId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
