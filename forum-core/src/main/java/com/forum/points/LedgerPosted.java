package com.forum.points;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A non-zero entry was posted: leaderboards, levels and badges follow. Published in the posting's
 * transaction, so it exists exactly when the entry does.
 *
 * @param balance the account's balance after the entry
 */
public record LedgerPosted(long entryId, MemberId memberId, Account account, int amount, String reason,
		long balance, Instant at) implements DomainEvent {
}
