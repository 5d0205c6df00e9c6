package com.forum.reputation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.member.Role;

/**
 * Which privileges a member's reputation unlocks, by the ladder in the configuration. Staff
 * (moderators, employees, admins) hold every privilege whatever their reputation.
 */
@Service
public class Privileges {

	private final Reputation reputation;

	private final Map<Privilege, Long> ladder;

	Privileges(Reputation reputation, PrivilegeProperties properties) {
		this.reputation = reputation;
		this.ladder = new EnumMap<>(properties.reputation());
	}

	/** The reputation the privilege needs. */
	public long needs(Privilege privilege) {
		return ladder.get(privilege);
	}

	/** The ladder from the first privilege to the last, as reputation unlocks them. */
	public Map<Privilege, Long> ladder() {
		Map<Privilege, Long> ordered = new LinkedHashMap<>();
		ladder.entrySet()
			.stream()
			.sorted(Map.Entry.<Privilege, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach(rung -> ordered.put(rung.getKey(), rung.getValue()));
		return ordered;
	}

	/** The privileges a member with this reputation holds. */
	public Set<Privilege> heldAt(long reputation) {
		Set<Privilege> held = EnumSet.noneOf(Privilege.class);
		ladder.forEach((privilege, needed) -> {
			if (reputation >= needed) {
				held.add(privilege);
			}
		});
		return held;
	}

	/** Where the member stands now: their reputation and what it allows them. */
	public PrivilegeStanding standing(MemberId member, Role role) {
		long current = reputation.of(member);
		return new PrivilegeStanding(current, role.holdsEveryPrivilege() ? EnumSet.allOf(Privilege.class) : heldAt(current),
				ladder);
	}

	/** The privileges held at one reputation and not at the other, in ladder order. */
	public Set<Privilege> lostBetween(long before, long after) {
		Set<Privilege> lost = EnumSet.noneOf(Privilege.class);
		lost.addAll(heldAt(before));
		lost.removeAll(heldAt(after));
		return lost;
	}
}
