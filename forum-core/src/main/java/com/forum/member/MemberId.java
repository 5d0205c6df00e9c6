package com.forum.member;

/** Identifies a member; other features hold this, never the member itself. */
public record MemberId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
