package com.forum.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A business rule refused the change (a locked thread, a taken username). The code is stable and
 * becomes part of the problem type clients match on; the message is resolved in the reader's
 * language as {@code problem.rule.<code>} with the arguments, the English text being the default.
 */
public class RuleViolationException extends RuntimeException implements MessageSourceResolvable {

	private final String code;

	private final String messageKey;

	private final Object[] arguments;

	public RuleViolationException(String code, String message, Object... arguments) {
		this(code, "problem.rule." + code, message, arguments);
	}

	private RuleViolationException(String code, String messageKey, String message, Object[] arguments) {
		super(message);
		this.code = code;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	/**
	 * The same refusal, said of one of several things a request named ("Petition 12: ..."): the code
	 * stays, the message names the thing.
	 */
	public RuleViolationException concerning(String subjectKey, Object subject) {
		return new RuleViolationException(code, subjectKey, subject + ": " + getMessage(),
				new Object[] { subject, this });
	}

	public String code() {
		return code;
	}

	@Override
	public String[] getCodes() {
		return new String[] { messageKey };
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
