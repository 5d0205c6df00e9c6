package com.forum.web.api;

import java.util.List;
import java.util.Optional;

import com.forum.account.PasswordResets;
import com.forum.account.SignUps;
import com.forum.member.AccessTokens;
import com.forum.member.MemberAccounts;
import com.forum.shared.NotFoundException;
import com.forum.web.api.AccountDtos.Accepted;
import com.forum.web.api.AccountDtos.ConfirmationRequest;
import com.forum.web.api.AccountDtos.NewPasswordRequest;
import com.forum.web.api.AccountDtos.PasswordChangeRequest;
import com.forum.web.api.AccountDtos.ResetRequest;
import com.forum.web.api.AccountDtos.TokenView;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.security.AccountStates;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account security", description = "Confirming the address, passwords, tokens and sessions")
class AccountSecurityApi {

	private final SignUps signUps;

	private final PasswordResets resets;

	private final MemberAccounts accounts;

	private final AccessTokens tokens;

	private final AccountStates states;

	private final ProblemMessages messages;

	AccountSecurityApi(SignUps signUps, PasswordResets resets, MemberAccounts accounts, AccessTokens tokens,
			AccountStates states, ProblemMessages messages) {
		this.signUps = signUps;
		this.resets = resets;
		this.accounts = accounts;
		this.tokens = tokens;
		this.states = states;
		this.messages = messages;
	}

	@PostMapping("/api/v1/auth/email-confirmations")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Confirm an address with the token of the link mailed to it (single use)")
	void confirm(@Valid @RequestBody ConfirmationRequest request) {
		states.forget(signUps.confirm(request.token()));
	}

	@PostMapping("/api/v1/members/me/email-confirmations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Mail a new confirmation link to the signed-in member (nothing if confirmed already)")
	Accepted resend(@AuthenticationPrincipal MemberPrincipal me) {
		signUps.resendConfirmation(me.memberId());
		return new Accepted("check-your-inbox", messages.text("account.check-inbox"));
	}

	@PostMapping("/api/v1/auth/password-resets")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Mail a link to choose a new password",
			description = "Answers 202 alike whether an account has the address or not.")
	Accepted requestReset(@Valid @RequestBody ResetRequest request) {
		resets.request(request.email());
		return new Accepted("check-your-inbox", messages.text("account.check-inbox"));
	}

	@PostMapping("/api/v1/auth/new-passwords")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Choose a new password with the token of a reset link (single use, short-lived)",
			description = "Every session and token of the account ends.")
	void reset(@Valid @RequestBody NewPasswordRequest request) {
		states.forget(resets.reset(request.token(), request.newPassword()));
	}

	@PutMapping("/api/v1/members/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the password, giving the current one",
			description = "Every session and token of the account ends, this one included: exchange the new "
					+ "password for a new token.")
	void changePassword(@AuthenticationPrincipal MemberPrincipal me, @Valid @RequestBody PasswordChangeRequest request) {
		accounts.changePassword(me.memberId(), request.currentPassword(), request.newPassword());
		states.forget(me.memberId());
	}

	@GetMapping("/api/v1/members/me/tokens")
	@Operation(summary = "The member's valid bearer tokens, with when each was created and last used (to the minute)")
	List<TokenView> tokens(@AuthenticationPrincipal MemberPrincipal me,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<Long> current = authorization == null ? Optional.empty()
				: tokens.idOf(authorization.substring(Math.min(authorization.length(), "Bearer ".length())).strip());
		return tokens.list(me.memberId())
			.stream()
			.map(t -> new TokenView(t.id(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
					current.isPresent() && current.get() == t.id()))
			.toList();
	}

	@DeleteMapping("/api/v1/members/me/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the member's tokens",
			description = "Refused at once on this node; other nodes may accept it for up to "
					+ "forum.members.token-cache-ttl (5 s).")
	void revoke(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id) {
		if (!tokens.revoke(me.memberId(), id)) {
			throw new NotFoundException("token", id);
		}
	}

	@PostMapping("/api/v1/members/me/sign-out-everywhere")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "End every session and revoke every token of the member, this one included")
	void signOutEverywhere(@AuthenticationPrincipal MemberPrincipal me) {
		accounts.signOutEverywhere(me.memberId());
		states.forget(me.memberId());
	}
}
