package com.forum.points;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * An admin's correction of a member's points: a ledger entry of reason {@code adjustment} that
 * names the admin and their reason.
 *
 * @param entryId the ledger entry
 * @param balance the member's points balance after it (only known right after posting; else null)
 */
public record Adjustment(long entryId, MemberId member, MemberId admin, int amount, String reason, Instant at,
		Long balance) {
}
