package com.forum.discussion;

public record TopicId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
