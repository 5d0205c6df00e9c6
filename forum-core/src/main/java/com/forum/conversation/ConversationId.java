package com.forum.conversation;

public record ConversationId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
