package com.forum.launch;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A pending reservation expires soon unless the store confirms it. */
public record ReservationExpiring(long reservationId, long launchId, String product, MemberId memberId,
		Instant expiresAt) implements DomainEvent {
}
