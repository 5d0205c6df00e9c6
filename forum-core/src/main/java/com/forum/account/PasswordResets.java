package com.forum.account;

import java.util.UUID;

import com.forum.account.AccountMailRequested.Kind;
import com.forum.account.internal.OneTimeLinks;
import com.forum.member.MemberAccounts;
import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Choosing a new password through a link mailed to the account's address: single use, short-lived
 * ({@code forum.accounts.reset-ttl}), only its hash stored. Asking for one answers the same whether the
 * address is known or not, in the same time: the look-up and the mail happen after the answer.
 */
@Service
public class PasswordResets {

	private final MemberAccounts accounts;

	private final OneTimeLinks links;

	private final ApplicationEventPublisher events;

	PasswordResets(MemberAccounts accounts, OneTimeLinks links, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.links = links;
		this.events = events;
	}

	/**
	 * Mails a link to the account with this address, if there is one. The address is looked up here,
	 * which is one indexed read either way, and the work that differs (the link, the mail) is queued as
	 * the same one event either way.
	 */
	@Transactional
	public void request(String email) {
		MemberId member = accounts.byEmail(email).orElse(null);
		events.publishEvent(new AccountMailRequested(Kind.RESET, member, UUID.randomUUID().toString()));
	}

	/** Whether a reset link still works, to show its form or say it does not. */
	public boolean usable(String token) {
		return links.valid(token, OneTimeLinks.RESET_PASSWORD);
	}

	/**
	 * Sets the new password of the account the link was mailed to. Every session and token of the
	 * account ends; following the link also proves the address. The password is checked before the link
	 * is used up, so a weak one can be corrected with the same link.
	 */
	@Transactional
	public MemberId reset(String token, String newPassword) {
		if (!links.valid(token, OneTimeLinks.RESET_PASSWORD)) {
			throw invalidLink();
		}
		MemberId member = links.use(token, OneTimeLinks.RESET_PASSWORD).orElseThrow(PasswordResets::invalidLink);
		accounts.resetPassword(member, newPassword);
		accounts.confirmEmail(member);
		links.retire(member, OneTimeLinks.RESET_PASSWORD);
		return member;
	}

	private static InvalidInputException invalidLink() {
		return new InvalidInputException("token", "link-invalid", "this link is unknown, used or expired: ask for a new one");
	}
}
