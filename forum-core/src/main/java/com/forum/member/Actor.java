package com.forum.member;

import java.util.EnumSet;
import java.util.Set;

/**
 * The member performing an action, as the domain needs to judge it.
 *
 * @param privileges what the member's reputation allows them at the time of the request (staff hold
 * every privilege); decided by the web layer's authorization, which reads the reputation ladder
 */
public record Actor(MemberId id, Role role, Set<Privilege> privileges) {

	public Actor {
		privileges = privileges.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(privileges));
	}

	/** An actor whose privileges follow from the role alone: staff hold them all, members none. */
	public Actor(MemberId id, Role role) {
		this(id, role, role.holdsEveryPrivilege() ? EnumSet.allOf(Privilege.class) : Set.of());
	}

	public boolean moderates() {
		return role.moderates();
	}

	public boolean isStaff() {
		return role.isStaff();
	}

	public boolean is(MemberId other) {
		return id.equals(other);
	}

	public boolean holds(Privilege privilege) {
		return privileges.contains(privilege);
	}

	/** Refuses the action unless the actor holds the privilege. */
	public void require(Privilege privilege) {
		if (!holds(privilege)) {
			throw new PrivilegeRequiredException(privilege);
		}
	}
}
