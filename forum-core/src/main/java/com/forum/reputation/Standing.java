package com.forum.reputation;

/**
 * A member's reputation and the level it gives them, as shown next to their name.
 *
 * @param reputation the balance of the member's reputation ledger
 */
public record Standing(long reputation, Level level) {

	/**
	 * How far the member has come from their level's start towards the next, 0 to 100; 100 at the top
	 * of the ladder.
	 */
	public int percentToNext() {
		if (level.isTop()) {
			return 100;
		}
		long span = level.next() - level.from();
		return (int) Math.max(0, Math.min(100, (reputation - level.from()) * 100 / span));
	}

	/** The reputation still needed for the next level; 0 at the top. */
	public long toNext() {
		return level.isTop() ? 0 : Math.max(0, level.next() - reputation);
	}
}
