package com.forum.points;

import java.time.Duration;
import java.util.List;

/**
 * What a check of the stored balances against the entries found.
 *
 * @param members the members whose accounts were checked
 * @param balances the balance rows checked (a member has one per account)
 * @param mismatched how many balances disagreed with their entries or holds
 * @param repaired how many of them were set back to the facts
 * @param mismatches the first thousand of them, with their figures
 * @param took how long the check took
 */
public record ReconciliationReport(long members, long balances, long mismatched, long repaired,
		List<BalanceMismatch> mismatches, Duration took) {

	public boolean clean() {
		return mismatched == 0;
	}
}
