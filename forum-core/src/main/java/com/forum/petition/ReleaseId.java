package com.forum.petition;

public record ReleaseId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
