package com.forum.discussion;

public record ReplyId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
