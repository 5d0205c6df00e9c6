package com.forum.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of notification a member chooses a channel for: what others do to or with their posts, what
 * happens to the petitions they back, private messages to them, new replies in threads they watch, and
 * new threads of members they follow (on by default: following someone is asking to hear of them). The
 * id is the notification's stored kind and the name used in forms and the API.
 */
public enum NotificationKind {

	REPLY("reply"), QUOTE("quote"), MENTION("mention"), POST_LIKED("post-liked"), ANSWER_ACCEPTED("answer-accepted"),
	/** A petition the member wrote, voted for or follows changed status (or was merged). */
	PETITION_STATUS("petition-status", NotificationChannel.EMAIL),
	/** An employee answered such a petition officially. */
	PETITION_RESPONSE("petition-response", NotificationChannel.EMAIL),
	/** A release that ships such a petition was published. */
	RELEASE_PUBLISHED("release-published", NotificationChannel.EMAIL),
	/** A private message delivered to the member. */
	PRIVATE_MESSAGE("private-message"),
	/** A new reply in a thread the member watches (or in a board they watch). */
	WATCHED_REPLY("watched-reply"),
	/** A member they follow started a thread. */
	FOLLOWED_THREAD("followed-thread"),
	/** A thread was started in a board the member watches. */
	WATCHED_THREAD("watched-thread");

	private final String id;

	private final NotificationChannel defaultChannel;

	NotificationKind(String id) {
		this(id, NotificationChannel.CENTRE);
	}

	NotificationKind(String id, NotificationChannel defaultChannel) {
		this.id = id;
		this.defaultChannel = defaultChannel;
	}

	public String id() {
		return id;
	}

	/**
	 * Where the kind goes for a member who never chose: the centre, except for news of backed petitions,
	 * which were always e-mailed too (the official answer within the week is what backers wait for).
	 */
	public NotificationChannel defaultChannel() {
		return defaultChannel;
	}

	public static Optional<NotificationKind> byId(String id) {
		return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
	}
}
