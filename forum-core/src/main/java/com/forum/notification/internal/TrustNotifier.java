package com.forum.notification.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.forum.notification.Message;
import com.forum.notification.Notifications;
import com.forum.trust.MemberSilenced;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a silenced member why and until when, in their language, by notification and e-mail; the
 * silence's id makes a redelivered event tell them once.
 */
@Component
class TrustNotifier {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Notifications notifications;

	TrustNotifier(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(MemberSilenced e) {
		notifications.tellByMail(e.memberId(), "silenced",
				new Message("notification.silenced." + e.reason(), WHEN.format(e.until()), Integer.toString(e.days())),
				"notification.silenced.body", "/privileges", "silenced:" + e.silenceId());
	}
}
