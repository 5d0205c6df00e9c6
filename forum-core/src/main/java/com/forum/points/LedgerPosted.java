package com.forum.points;

import java.time.Instant;
import java.util.List;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * Non-zero entries were posted in one transaction: leaderboards, levels and badges follow. Published
 * in that transaction, so it exists exactly when the entries do. One event for all the entries a
 * transaction posts, as postings are the ledger's hot path and each event costs a publication and a
 * delivery for every listener, whatever it carries.
 */
public record LedgerPosted(List<Entry> entries, Instant at) implements DomainEvent {

	public LedgerPosted {
		entries = List.copyOf(entries);
	}

	/** One entry posted alone. */
	public LedgerPosted(long entryId, MemberId memberId, Account account, int amount, String reason, long balance,
			Instant at) {
		this(List.of(new Entry(entryId, memberId, account, amount, reason, balance)), at);
	}

	/** Whether an entry took something from a member's reputation. */
	public boolean lowersReputation() {
		return entries.stream().anyMatch(entry -> entry.account() == Account.REPUTATION && entry.amount() < 0);
	}

	/**
	 * @param balance the account's balance after the entry
	 */
	public record Entry(long entryId, MemberId memberId, Account account, int amount, String reason, long balance) {
	}
}
