package com.forum.reputation;

import java.util.Map;

import com.forum.member.MemberId;

/**
 * The standings of the members a page or a list shows, read at once; a member not among them (or
 * without any reputation) stands at the bottom of the ladder.
 */
public final class Standings {

	private final Map<MemberId, Standing> standings;

	private final Standing bottom;

	Standings(Map<MemberId, Standing> standings, Standing bottom) {
		this.standings = Map.copyOf(standings);
		this.bottom = bottom;
	}

	public Standing of(MemberId member) {
		return member == null ? bottom : standings.getOrDefault(member, bottom);
	}

	/** The member's level number, as the API gives it. */
	public int level(MemberId member) {
		return of(member).level().number();
	}
}
