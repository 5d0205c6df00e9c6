package com.forum.account.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.forum.account.AccountMailRequested;
import com.forum.account.AccountProperties;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberProfile;
import com.forum.notification.Message;
import com.forum.notification.Notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes the link and writes the mail an account request owes, in the member's language. A redelivered
 * request may make a second link but mails nothing twice (the mail is keyed by the request), so the
 * unmailed link is never known to anyone.
 */
@Component
class AccountMailer {

	private final OneTimeLinks links;

	private final Notifications notifications;

	private final MemberDirectory members;

	private final AccountProperties properties;

	AccountMailer(OneTimeLinks links, Notifications notifications, MemberDirectory members,
			AccountProperties properties) {
		this.links = links;
		this.notifications = notifications;
		this.members = members;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(AccountMailRequested request) {
		if (request.member() == null) {
			return; // an unknown address: nobody to mail
		}
		MemberProfile member = members.profile(request.member());
		String key = "account:" + request.requestId();
		switch (request.kind()) {
			case CONFIRM -> notifications.mail(member.id(), new Message("mail.account.confirm.subject"),
					new Message("mail.account.confirm.body", member.username(),
							String.valueOf(properties.confirmationTtl().toHours())),
					properties.link("/account/confirm?token="
							+ encode(links.issue(member.id(), OneTimeLinks.CONFIRM_EMAIL, properties.confirmationTtl()))),
					key);
			case ADDRESS_TAKEN -> notifications.mail(member.id(), new Message("mail.account.address-taken.subject"),
					new Message("mail.account.address-taken.body", member.username()),
					properties.link("/password/forgot"), key);
			case RESET -> notifications.mail(member.id(), new Message("mail.account.reset.subject"),
					new Message("mail.account.reset.body", member.username(),
							String.valueOf(properties.resetTtl().toMinutes())),
					properties.link("/password/reset?token="
							+ encode(links.issue(member.id(), OneTimeLinks.RESET_PASSWORD, properties.resetTtl()))),
					key);
		}
	}

	private static String encode(String token) {
		return URLEncoder.encode(token, StandardCharsets.UTF_8);
	}
}
