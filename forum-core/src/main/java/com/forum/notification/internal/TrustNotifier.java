package com.forum.notification.internal;

import com.forum.notification.Message;
import com.forum.notification.Notifications;
import com.forum.trust.MemberSilenced;
import com.forum.trust.SilencedException;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a silenced member why and until when, in their language, by notification and e-mail; the
 * silence's id makes a redelivered event tell them once.
 */
@Component
class TrustNotifier {

	private final Notifications notifications;

	TrustNotifier(Notifications notifications) {
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(MemberSilenced e) {
		notifications.tellByMail(e.memberId(), "silenced",
				new Message("notification.silenced." + e.reason(), SilencedException.when(e.until()), Integer.toString(e.days())),
				"notification.silenced.body", "/privileges", "silenced:" + e.silenceId());
	}
}
