package com.forum.member;

/** What authentication needs; never leaves the security layer. */
public record MemberCredentials(MemberId id, String username, String passwordHash, Role role) {

	public Actor actor() {
		return new Actor(id, role);
	}
}
