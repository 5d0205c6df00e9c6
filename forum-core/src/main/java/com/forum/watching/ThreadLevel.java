package com.forum.watching;

/**
 * A member's level for one thread: the one in effect, and where it comes from.
 *
 * @param chosen the level chosen for the thread itself, or null when the board's applies
 * @param board the level chosen for the thread's board ({@link NotificationLevel#NORMAL} when none)
 */
public record ThreadLevel(NotificationLevel chosen, NotificationLevel board) {

	public static final ThreadLevel NONE = new ThreadLevel(null, NotificationLevel.NORMAL);

	public NotificationLevel effective() {
		return chosen != null ? chosen : board;
	}
}
