package com.forum.web.api;


import com.forum.member.AccessTokens;
import com.forum.member.IssuedToken;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberProfile;
import com.forum.reputation.Badges;
import com.forum.reputation.Reputation;
import com.forum.account.SignUps;
import com.forum.web.api.AccountDtos.Accepted;
import com.forum.web.api.ApiDtos.MemberResponse;
import com.forum.web.api.ApiDtos.RegisterRequest;
import com.forum.web.api.ApiDtos.TokenRequest;
import com.forum.web.api.ApiDtos.TokenResponse;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts", description = "Registration and bearer tokens")
class AccountsApi {

	private final SignUps signUps;

	private final ProblemMessages problems;

	private final MemberDirectory members;

	private final AccessTokens tokens;

	private final AuthenticationManager authentication;

	private final ApiMapper mapper;

	private final Reputation reputation;

	private final Badges badges;

	private final RateLimits limits;

	AccountsApi(SignUps signUps, ProblemMessages problems, MemberDirectory members, AccessTokens tokens,
			AuthenticationManager authentication, ApiMapper mapper, Reputation reputation, Badges badges,
			RateLimits limits) {
		this.limits = limits;
		this.reputation = reputation;
		this.badges = badges;
		this.signUps = signUps;
		this.problems = problems;
		this.members = members;
		this.tokens = tokens;
		this.authentication = authentication;
		this.mapper = mapper;
	}

	@PostMapping("/api/v1/members")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Sign up: a link to confirm the address is mailed to it",
			description = "Answers 202 alike whether the address is new or already has an account (whose owner "
					+ "is then told by e-mail), so the answer tells nobody whose address is known. A taken or "
					+ "look-alike username is refused (409), as names are public. Until the address is "
					+ "confirmed the member can sign in and read, but not post.")
	Accepted register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
		limits.registration(http);
		// a program's sign-up leaves the member's language open, as before: their browser sets it later
		signUps.signUp(request.username(), request.email(), request.password(), null);
		return new Accepted("check-your-inbox", problems.text("account.check-inbox"));
	}

	@GetMapping("/api/v1/members/{username}")
	@Operation(summary = "A member's public profile (shown once their address is confirmed)")
	MemberResponse member(@PathVariable String username) {
		return member(members.publicProfile(username));
	}

	private MemberResponse member(MemberProfile member) {
		return mapper.member(member, reputation.standing(member.id()), badges.heldBy(member.id()));
	}

	@PostMapping("/api/v1/auth/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Exchange a username and password for a bearer token")
	TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		var authenticated = authentication
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
		MemberId member = ((MemberPrincipal) authenticated.getPrincipal()).memberId();
		limits.tokenMinted(member, http);
		IssuedToken token = tokens.issue(member);
		return new TokenResponse(token.token(), "Bearer", token.expiresAt());
	}

	@DeleteMapping("/api/v1/auth/tokens/current")
	@Operation(summary = "Revoke the bearer token used for this call")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal MemberPrincipal me,
			@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
		tokens.revoke(authorization.substring("Bearer ".length()).strip());
		return ResponseEntity.noContent().build();
	}
}
