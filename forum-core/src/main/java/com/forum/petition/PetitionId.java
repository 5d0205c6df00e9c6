package com.forum.petition;

public record PetitionId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
