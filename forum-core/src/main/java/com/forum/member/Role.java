package com.forum.member;

/** What a member is to the community; a higher role includes the powers of the lower ones it lists. */
public enum Role {

	MEMBER, MODERATOR, EMPLOYEE, ADMIN;

	public boolean moderates() {
		return this == MODERATOR || this == ADMIN;
	}

	public boolean isStaff() {
		return this == EMPLOYEE || this == ADMIN;
	}

	/** Moderators, employees and admins hold every privilege, whatever their reputation. */
	public boolean holdsEveryPrivilege() {
		return this != MEMBER;
	}
}
