package com.forum.shared;

/** The thing asked for does not exist, or is hidden from the one asking. */
public class NotFoundException extends RuntimeException {

	private final String what;

	public NotFoundException(String what, Object id) {
		super("No " + what + " with id " + id);
		this.what = what;
	}

	public String what() {
		return what;
	}
}
