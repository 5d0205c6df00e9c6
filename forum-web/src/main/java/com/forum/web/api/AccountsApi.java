package com.forum.web.api;

import java.net.URI;

import com.forum.member.AccessTokens;
import com.forum.member.IssuedToken;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberProfile;
import com.forum.member.MemberRegistration;
import com.forum.reputation.Badges;
import com.forum.reputation.Reputation;
import com.forum.web.api.ApiDtos.MemberResponse;
import com.forum.web.api.ApiDtos.RegisterRequest;
import com.forum.web.api.ApiDtos.TokenRequest;
import com.forum.web.api.ApiDtos.TokenResponse;
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

	private final MemberRegistration registration;

	private final MemberDirectory members;

	private final AccessTokens tokens;

	private final AuthenticationManager authentication;

	private final ApiMapper mapper;

	private final Reputation reputation;

	private final Badges badges;

	private final RateLimits limits;

	AccountsApi(MemberRegistration registration, MemberDirectory members, AccessTokens tokens,
			AuthenticationManager authentication, ApiMapper mapper, Reputation reputation, Badges badges,
			RateLimits limits) {
		this.limits = limits;
		this.reputation = reputation;
		this.badges = badges;
		this.registration = registration;
		this.members = members;
		this.tokens = tokens;
		this.authentication = authentication;
		this.mapper = mapper;
	}

	@PostMapping("/api/v1/members")
	@Operation(summary = "Register a new member")
	ResponseEntity<MemberResponse> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
		limits.registration(http);
		MemberId id = registration.register(request.username(), request.email(), request.password());
		MemberResponse member = member(members.profile(id));
		return ResponseEntity.created(URI.create("/api/v1/members/" + member.username())).body(member);
	}

	@GetMapping("/api/v1/members/{username}")
	@Operation(summary = "A member's public profile")
	MemberResponse member(@PathVariable String username) {
		return member(members.profile(username));
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
