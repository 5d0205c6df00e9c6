package com.forum.points;

/**
 * A member's account: the balance (the sum of its entries), what open holds set aside, and what is
 * left to spend.
 */
public record Balance(long balance, long held) {

	public static final Balance EMPTY = new Balance(0, 0);

	public long available() {
		return balance - held;
	}
}
