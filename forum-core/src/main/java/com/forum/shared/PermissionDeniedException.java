package com.forum.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * The actor is known but may not do this. The reason names the refusal, and its message is resolved
 * in the reader's language as {@code problem.denied.<reason>}.
 */
public class PermissionDeniedException extends RuntimeException implements MessageSourceResolvable {

	private final String reason;

	public PermissionDeniedException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "problem.denied." + reason };
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}
}
