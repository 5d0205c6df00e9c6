package com.forum.notification;

import java.time.Instant;

public record Notification(long id, String kind, String title, String body, String link, Instant createdAt,
		Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}
}
