package com.forum.notification;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A notification row as stored: its words as keys with their arguments, rendered in whichever language
 * it is read (the centre in the reader's, a mail in its recipient's), and as text in the forum's fallback
 * language for rows without keys.
 */
record StoredNotification(long id, String kind, String title, String body, String titleKey, String[] arguments,
		String bodyKey, String link, Instant createdAt, Instant readAt) {

	static StoredNotification read(ResultSet rs) throws SQLException {
		Array arguments = rs.getArray("message_args");
		return new StoredNotification(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
				rs.getString("body"), rs.getString("message_key"),
				arguments == null ? new String[0] : (String[]) arguments.getArray(), rs.getString("body_key"),
				rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
	}

	String title(MessageSource messages, Locale language) {
		return titleKey == null ? title : messages.getMessage(titleKey, arguments, title, language);
	}

	String body(MessageSource messages, Locale language) {
		return bodyKey == null ? body : messages.getMessage(bodyKey, arguments, body, language);
	}

	Notification in(MessageSource messages, Locale language) {
		return new Notification(id, kind, title(messages, language), body(messages, language), link, createdAt,
				readAt);
	}
}
