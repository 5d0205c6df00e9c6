package com.forum.account;

import java.util.Locale;
import java.util.UUID;

import com.forum.account.AccountMailRequested.Kind;
import com.forum.account.internal.OneTimeLinks;
import com.forum.member.MemberAccounts;
import com.forum.member.MemberId;
import com.forum.member.MemberRegistration;
import com.forum.member.MemberRegistration.SignUp;
import com.forum.shared.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up and confirming the address. Whatever the address, the answer is "check your inbox": a new
 * account gets a link to confirm it, the owner of a taken address a mail saying someone tried, so the
 * answer (and its timing: both hash the password and queue one mail) tells a stranger nothing.
 */
@Service
public class SignUps {

	private final MemberRegistration registration;

	private final MemberAccounts accounts;

	private final OneTimeLinks links;

	private final ApplicationEventPublisher events;

	SignUps(MemberRegistration registration, MemberAccounts accounts, OneTimeLinks links,
			ApplicationEventPublisher events) {
		this.registration = registration;
		this.accounts = accounts;
		this.links = links;
		this.events = events;
	}

	/** Signs a stranger up; returns nothing, as the answer must not depend on what happened. */
	@Transactional
	public void signUp(String username, String email, String password, Locale language) {
		SignUp outcome = registration.signUp(username, email, password, language);
		if (outcome.isNew()) {
			mail(Kind.CONFIRM, outcome.created());
		}
		else if (outcome.addressOwner() != null) {
			mail(Kind.ADDRESS_TAKEN, outcome.addressOwner());
		}
		else {
			// the name is held by a sign-up still unconfirmed: nobody to tell, but the same work is done
			mail(Kind.ADDRESS_TAKEN, null);
		}
	}

	/** Mails a member who has not confirmed their address a new link; nothing if they have. */
	@Transactional
	public void resendConfirmation(MemberId member) {
		if (accounts.awaitsConfirmation(member)) {
			mail(Kind.CONFIRM, member);
		}
	}

	/** Confirms the address the link was mailed to; an unknown, used or expired link is refused. */
	@Transactional
	public MemberId confirm(String token) {
		MemberId member = links.use(token, OneTimeLinks.CONFIRM_EMAIL)
			.orElseThrow(() -> new InvalidInputException("token", "link-invalid",
					"this link is unknown, used or expired: ask for a new one"));
		accounts.confirmEmail(member);
		links.retire(member, OneTimeLinks.CONFIRM_EMAIL);
		return member;
	}

	private void mail(Kind kind, MemberId member) {
		events.publishEvent(new AccountMailRequested(kind, member, UUID.randomUUID().toString()));
	}
}
