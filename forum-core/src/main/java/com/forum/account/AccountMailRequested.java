package com.forum.account;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/**
 * A mail about an account is owed: the link is made and mailed after the request's transaction, by a
 * listener, so that a request answers in the same time whatever it found (a new account, a taken address,
 * an unknown one) and no secret ever sits in the event log.
 *
 * @param kind what to mail
 * @param member the account it is about, or null when the request named an address no account has
 * @param requestId makes a redelivery mail nothing twice
 */
public record AccountMailRequested(Kind kind, MemberId member, String requestId) implements DomainEvent {

	public enum Kind {
		/** A link to confirm the address of a new account (or one not yet confirmed). */
		CONFIRM,
		/** Someone signed up with the address of an existing account: its owner hears of it. */
		ADDRESS_TAKEN,
		/** A link to choose a new password. */
		RESET
	}
}
