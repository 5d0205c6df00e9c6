package com.forum.reputation;

/**
 * A member's level on the reputation ladder.
 *
 * @param number 1 to the top of the ladder
 * @param from the reputation the level starts at
 * @param next the reputation the next level starts at, or null at the top
 */
public record Level(int number, long from, Long next) {

	public boolean isTop() {
		return next == null;
	}

	/** "Lv7", as the community writes it in every language. */
	public String label() {
		return "Lv" + number;
	}
}
