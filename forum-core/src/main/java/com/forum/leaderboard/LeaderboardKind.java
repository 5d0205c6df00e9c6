package com.forum.leaderboard;

import com.forum.points.Account;

/** What a leaderboard ranks. */
public enum LeaderboardKind {

	/** Reputation gained, less reputation reversed. */
	REPUTATION(Account.REPUTATION),

	/** Points earned: spending does not lower them, a reversed earning does. */
	POINTS(Account.POINTS);

	private final Account account;

	LeaderboardKind(Account account) {
		this.account = account;
	}

	public Account account() {
		return account;
	}

	public static LeaderboardKind of(Account account) {
		return account == Account.REPUTATION ? REPUTATION : POINTS;
	}
}
