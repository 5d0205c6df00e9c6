package com.forum.points;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * An admin's correction of a member's points: a ledger entry of reason {@code adjustment} that
 * names the admin and their reason.
 *
 * @param entryId the ledger entry
 * @param balance the member's points balance right after it was posted; null when read later, or when a
 * repeated request found it posted already
 */
public record Adjustment(long entryId, MemberId member, MemberId admin, int amount, String reason, Instant at,
		Long balance) {

	/** Whether this request posted it (a repeated one answers with the adjustment made first). */
	public boolean isNew() {
		return balance != null;
	}
}
