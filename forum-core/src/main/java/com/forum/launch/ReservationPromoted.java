package com.forum.launch;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A member waiting for a sold-out launch got a freed slot: a pending reservation with its code. */
public record ReservationPromoted(long reservationId, long launchId, String product, MemberId memberId,
		Instant expiresAt) implements DomainEvent {
}
