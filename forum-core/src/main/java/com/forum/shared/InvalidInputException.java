package com.forum.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * Input that passed the shape checks but names something that does not fit, such as an unknown board.
 * The reason is a key shared by similar mistakes ({@code length}, {@code unknown-board}): the message
 * is resolved in the reader's language as {@code problem.invalid.<reason>} with the arguments, and
 * says what is wrong with the field without naming it ("must be 5 to 150 characters").
 */
public class InvalidInputException extends RuntimeException implements MessageSourceResolvable {

	private final String field;

	private final String reason;

	private final Object[] arguments;

	public InvalidInputException(String field, String reason, String message, Object... arguments) {
		super(message);
		this.field = field;
		this.reason = reason;
		this.arguments = arguments.clone();
	}

	public String field() {
		return field;
	}

	public String reason() {
		return reason;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "problem.invalid." + reason };
	}

	@Override
	public Object[] getArguments() {
		return arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}
}
