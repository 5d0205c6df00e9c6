package com.forum.points;

import java.time.Instant;

import com.forum.member.MemberId;

/** Points set aside for a purchase until it is fulfilled (captured) or cancelled or expired (released). */
public record Hold(long id, MemberId member, int amount, String purpose, String causeKey, State state,
		Instant createdAt, Instant expiresAt) {

	public enum State {
		HELD, CAPTURED, RELEASED
	}
}
