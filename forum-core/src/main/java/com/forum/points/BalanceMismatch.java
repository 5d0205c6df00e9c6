package com.forum.points;

import com.forum.member.MemberId;

/**
 * A stored balance that disagrees with the facts it caches.
 *
 * @param storedBalance the balance row's balance
 * @param entries the sum of the account's entries, what the balance should be
 * @param storedHeld the balance row's held points
 * @param openHolds the sum of the member's open holds, what held should be
 * @param repaired whether the balance row was set back to the facts
 */
public record BalanceMismatch(MemberId member, Account account, long storedBalance, long entries, long storedHeld,
		long openHolds, boolean repaired) {

	BalanceMismatch repaired(boolean done) {
		return new BalanceMismatch(member, account, storedBalance, entries, storedHeld, openHolds, done);
	}
}
