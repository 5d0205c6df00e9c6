package com.forum.shared;

/**
 * A business rule refused the change (a locked thread, a taken username). The code is stable and
 * becomes part of the problem type clients match on.
 */
public class RuleViolationException extends RuntimeException {

	private final String code;

	public RuleViolationException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
