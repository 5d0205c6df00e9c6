package com.forum.launch;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * A member's slot of a launch, known by its single-use code.
 *
 * @param promoted whether it came from the waitlist
 */
public record Reservation(long id, long launchId, String product, MemberId member, String code,
		ReservationState state, Integer pointsPrice, boolean promoted, Instant createdAt, Instant expiresAt,
		Instant settledAt) {
}
