package com.forum.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of notification a member chooses a channel for: what others do to or with their posts, new
 * replies in threads they watch, and new threads of members they follow (on by default: following
 * someone is asking to hear of them). The id is the notification's stored kind and the name used in
 * forms and the API.
 */
public enum NotificationKind {

	REPLY("reply"), QUOTE("quote"), MENTION("mention"), POST_LIKED("post-liked"), ANSWER_ACCEPTED("answer-accepted"),
	WATCHED_REPLY("watched-reply"), FOLLOWED_THREAD("followed-thread");

	private final String id;

	NotificationKind(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	public static Optional<NotificationKind> byId(String id) {
		return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
	}
}
