package com.forum.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import com.forum.notification.Message;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a notification row holds of its words, for every way of writing one: the message keys with
 * their arguments, rendered again in each reader's language, and the text in the forum's fallback
 * language for notifications read without their keys.
 */
public final class NotificationColumns {

	private static final int TITLE_LENGTH = 300;

	private NotificationColumns() {
	}

	/** Parameters named as the notification table's columns (kind, title, body, ..., key, now). */
	public static MapSqlParameterSource of(String kind, Message title, Message body, String link, String key,
			Instant at, MessageSource messages, Locale fallback) {
		return new MapSqlParameterSource("kind", kind).addValue("title", clip(title.render(messages, fallback)))
			.addValue("body", body.render(messages, fallback))
			.addValue("messageKey", title.key())
			.addValue("messageArgs", title.arguments())
			.addValue("bodyKey", body.key())
			.addValue("link", link)
			.addValue("key", key)
			.addValue("now", Timestamp.from(at));
	}

	/** A title cut to what the column (and a mail subject) takes. */
	public static String clip(String title) {
		return title.length() > TITLE_LENGTH ? title.substring(0, TITLE_LENGTH - 1) + "…" : title;
	}
}
