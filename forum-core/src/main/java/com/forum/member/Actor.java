package com.forum.member;

/** The member performing an action, as the domain needs to judge it. */
public record Actor(MemberId id, Role role) {

	public boolean moderates() {
		return role.moderates();
	}

	public boolean isStaff() {
		return role.isStaff();
	}

	public boolean is(MemberId other) {
		return id.equals(other);
	}
}
