package com.forum.web.security;

import java.io.Serial;

import com.forum.member.Privilege;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * A refusal for want of a privilege, with what the member needs to hear: which privilege, the
 * reputation it needs and the reputation they have.
 */
public final class PrivilegeDenial extends AuthorizationDecision {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Privilege privilege;

	private final long requiredReputation;

	private final long reputation;

	PrivilegeDenial(Privilege privilege, long requiredReputation, long reputation) {
		super(false);
		this.privilege = privilege;
		this.requiredReputation = requiredReputation;
		this.reputation = reputation;
	}

	public Privilege privilege() {
		return privilege;
	}

	public long requiredReputation() {
		return requiredReputation;
	}

	public long reputation() {
		return reputation;
	}

	/** "Voting on petitions needs 0 reputation; you have -5.", in the reader's language. */
	public MessageSourceResolvable message() {
		return new DefaultMessageSourceResolvable(new String[] { "problem.denied.privilege.detail" },
				new Object[] { name(privilege), requiredReputation, reputation },
				"%s needs %d reputation; you have %d.".formatted(privilege.id(), requiredReputation, reputation));
	}

	/** The privilege's name in the reader's language: "voting on petitions", "投票". */
	public static MessageSourceResolvable name(Privilege privilege) {
		return new DefaultMessageSourceResolvable(new String[] { "privilege." + privilege.id() }, privilege.id());
	}

	@Override
	public String toString() {
		return "PrivilegeDenial [privilege=" + privilege.id() + ", requiredReputation=" + requiredReputation
				+ ", reputation=" + reputation + "]";
	}
}
