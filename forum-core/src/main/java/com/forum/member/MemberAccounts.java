package com.forum.member;

import java.time.Clock;
import java.util.Optional;

import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's own account: their address confirmed, their password changed, their sessions ended. */
@Service
public class MemberAccounts {

	private final Members members;

	private final PasswordEncoder passwords;

	private final PasswordRules rules;

	private final AccessTokens tokens;

	private final Clock clock;

	MemberAccounts(Members members, PasswordEncoder passwords, PasswordRules rules, AccessTokens tokens,
			Clock clock) {
		this.members = members;
		this.passwords = passwords;
		this.rules = rules;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** The member with this address, found however it is typed. */
	@Transactional(readOnly = true)
	public Optional<MemberId> byEmail(String email) {
		return email == null ? Optional.empty() : members.findByFoldedEmail(NameFolding.fold(email.strip())).map(Member::id);
	}

	/** Whether the member still has to confirm their address. */
	@Transactional(readOnly = true)
	public boolean awaitsConfirmation(MemberId id) {
		return !member(id).emailConfirmed();
	}

	@Transactional
	public void confirmEmail(MemberId id) {
		// saved explicitly so the confirmation's event is published: search shows the member from now on
		members.save(member(id).confirmEmail(clock.instant()));
	}

	/**
	 * Changes the password of a member who proved they know the current one. Every other session and
	 * every token ends, as whoever else knew the old password may hold one; the caller renews its own.
	 */
	@Transactional
	public void changePassword(MemberId id, String current, String next) {
		Member member = member(id);
		if (current == null || !passwords.matches(current, member.passwordHash())) {
			throw new InvalidInputException("currentPassword", "wrong-password", "is not your current password");
		}
		setPassword(member, next);
	}

	/** Sets a new password for a member who followed a reset link; every session and token ends. */
	@Transactional
	public void resetPassword(MemberId id, String next) {
		setPassword(member(id), next);
	}

	private void setPassword(Member member, String next) {
		rules.check("newPassword", next, member.username(), member.email());
		member.changePassword(passwords.encode(next));
		signOutEverywhere(member);
	}

	/** Ends every session and every bearer token of the member. */
	@Transactional
	public void signOutEverywhere(MemberId id) {
		signOutEverywhere(member(id));
	}

	private void signOutEverywhere(Member member) {
		member.signOutEverywhere(clock.instant());
		tokens.revokeAll(member.id());
	}

	private Member member(MemberId id) {
		return members.findById(id.value()).orElseThrow(() -> new NotFoundException("member", id));
	}
}
