package com.forum.shared;

/** The actor is known but may not do this. */
public class PermissionDeniedException extends RuntimeException {

	public PermissionDeniedException(String message) {
		super(message);
	}
}
