package com.forum.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a kind of notification goes: the centre alone (the default), the centre and e-mail, or nowhere. */
public enum NotificationChannel {

	CENTRE, EMAIL, OFF;

	/** The name forms and the API use. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<NotificationChannel> byId(String id) {
		return Arrays.stream(values()).filter(channel -> channel.id().equals(id)).findFirst();
	}
}
