package com.forum.reputation;

/** What a badge counts to see whether a member has reached its threshold. */
public enum BadgeRule {

	/** Facts of one reason that earned the member something that still stands (accepted answers, likes). */
	ENTRIES,

	/** The longest run of daily check-ins in a row. */
	CHECK_IN_STREAK,

	/** Reputation reached. */
	REPUTATION
}
