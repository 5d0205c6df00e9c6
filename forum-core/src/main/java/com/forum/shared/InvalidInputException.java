package com.forum.shared;

/** Input that passed the shape checks but names something that does not fit, such as an unknown board. */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
