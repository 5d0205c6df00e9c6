package com.forum.watching;

import java.util.Arrays;
import java.util.Optional;

/**
 * How closely a member follows a thread or a board, as Discourse has it. A thread's level overrides its
 * board's; a member who chose neither is {@link #NORMAL}.
 * <ul>
 * <li>{@link #WATCHING}: told of every new reply, and unread counts shown;</li>
 * <li>{@link #TRACKING}: unread counts shown, no notification beyond normal;</li>
 * <li>{@link #NORMAL}: told only of replies to their thread, quotes and mentions;</li>
 * <li>{@link #MUTED}: left out of the new and unread lists and told of nothing but mentions. A mention is
 * someone calling the member by name, which muting a conversation should not silence; replies and quotes
 * in a muted thread are exactly the conversation they chose to stop hearing.</li>
 * </ul>
 */
public enum NotificationLevel {

	WATCHING("watching"), TRACKING("tracking"), NORMAL("normal"), MUTED("muted");

	private final String id;

	NotificationLevel(String id) {
		this.id = id;
	}

	/** The name forms and the API use. */
	public String id() {
		return id;
	}

	/** Whether the member sees unread counts of such threads. */
	public boolean counts() {
		return this == WATCHING || this == TRACKING;
	}

	public static Optional<NotificationLevel> byId(String id) {
		return Arrays.stream(values()).filter(level -> level.id.equals(id)).findFirst();
	}
}
