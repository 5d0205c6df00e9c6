package com.forum.points;

/** The two ledgers every member has. */
public enum Account {

	/** A currency, earned and spent; it never falls below zero. */
	POINTS,

	/** Trust earned from what others do with one's content; it sets the level and the privileges. */
	REPUTATION
}
