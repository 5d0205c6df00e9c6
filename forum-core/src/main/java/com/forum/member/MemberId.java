package com.forum.member;

import java.io.Serializable;

/**
 * Identifies a member; other features hold this, never the member itself. Serializable because a
 * signed-in member's page session, stored in Redis, holds it.
 */
public record MemberId(long value) implements Serializable {

	private static final long serialVersionUID = 1L;

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
