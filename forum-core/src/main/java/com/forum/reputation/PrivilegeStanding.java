package com.forum.reputation;

import java.util.Map;
import java.util.Set;

import com.forum.member.Privilege;

/**
 * Where a member stands on the privilege ladder at one moment.
 *
 * @param reputation the member's reputation
 * @param held the privileges they hold: those their reputation reaches, or all of them for staff
 * @param ladder the reputation each privilege needs
 */
public record PrivilegeStanding(long reputation, Set<Privilege> held, Map<Privilege, Long> ladder) {

	public PrivilegeStanding {
		held = Set.copyOf(held);
		ladder = Map.copyOf(ladder);
	}

	public boolean holds(Privilege privilege) {
		return held.contains(privilege);
	}

	public long needs(Privilege privilege) {
		return ladder.get(privilege);
	}
}
