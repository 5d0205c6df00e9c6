package com.forum.points;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * An admin added points to a member's account or took some away, with their reason.
 *
 * @param entryId the ledger entry
 * @param adminId who adjusted
 * @param amount positive when added, negative when taken away
 * @param balance the member's points balance right after it
 */
public record PointsAdjusted(long entryId, MemberId memberId, MemberId adminId, int amount, String reason,
		long balance, Instant at) implements DomainEvent {
}
