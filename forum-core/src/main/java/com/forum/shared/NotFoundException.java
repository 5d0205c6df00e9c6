package com.forum.shared;

import java.util.Locale;

import org.springframework.context.MessageSourceResolvable;

/**
 * The thing asked for does not exist, or is hidden from the one asking. Its message is resolved in
 * the reader's language as {@code problem.not-found.<what>}, with the id as argument.
 */
public class NotFoundException extends RuntimeException implements MessageSourceResolvable {

	private final String what;

	private final Object id;

	public NotFoundException(String what, Object id) {
		super("No " + what + " with id " + id);
		this.what = what;
		this.id = id;
	}

	public String what() {
		return what;
	}

	@Override
	public String[] getCodes() {
		return new String[] { "problem.not-found." + what.replace(' ', '-').toLowerCase(Locale.ROOT) };
	}

	@Override
	public Object[] getArguments() {
		return new Object[] { String.valueOf(id) };
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}
}
