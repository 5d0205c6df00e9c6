package com.forum.web.security;

import java.time.Duration;
import java.util.Optional;

import com.forum.member.MemberId;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The rate limits of requests that are not a member's content: registrations per client address, tokens
 * minted per account and per address, API calls per token. (A member's threads, replies, petitions, votes,
 * likes and flags are limited by {@link ContentBurstLimits}; failed sign-ins by {@link SignInThrottle}.)
 * Every address comes from {@link ClientAddress}; every limit from {@code forum.security.rate-limits}.
 */
@Component
public class RateLimits {

	private final RateLimiter limiter;

	private final ClientAddress addresses;

	private final SecurityProperties.RateLimitProperties limits;

	RateLimits(RateLimiter limiter, ClientAddress addresses, SecurityProperties properties) {
		this.limiter = limiter;
		this.addresses = addresses;
		this.limits = properties.rateLimits();
	}

	/** One more registration from the request's address, or {@link RateLimitedException}. */
	public void registration(HttpServletRequest request) {
		take("registrations", limits.registrationsPerAddress(), addresses.of(request));
	}

	/**
	 * One more token minted for the account and from the address, or {@link RateLimitedException}; a
	 * refusal by either takes nothing from the other.
	 */
	public void tokenMinted(MemberId account, HttpServletRequest request) {
		String address = addresses.of(request);
		take("tokens", limits.tokensPerAccount(), "account:" + account.value());
		try {
			take("tokens", limits.tokensPerAddress(), "address:" + address);
		}
		catch (RateLimitedException refused) {
			limiter.giveBack("tokens", limits.tokensPerAccount(), "account:" + account.value());
			throw refused;
		}
	}

	/**
	 * One more change of what the member follows and how (a watching level, a follow, a dismissal, the
	 * profile's fields), or {@link RateLimitedException}.
	 */
	public void followingChange(MemberId member) {
		take("following-changes", limits.followingChangesPerMember(), "member:" + member.value());
	}

	/**
	 * One more search suggestion for the request's address, or {@link RateLimitedException}: a box
	 * asks as the member types, so the limit allows a brisk typist and stops a scraper.
	 */
	public void searchSuggestion(HttpServletRequest request) {
		take("search-suggestions", limits.searchSuggestionsPerAddress(), addresses.of(request));
	}

	/** One more API call with this bearer token: empty when admitted, else how long to wait. */
	Optional<RateLimitedException> apiCall(String token) {
		Limit limit = limits.apiCallsPerToken();
		// the token itself never reaches Redis, only its digest
		return limiter.take("api-calls", limit, RateLimiter.digest(token))
			.map(wait -> new RateLimitedException("api-calls", limit, wait));
	}

	private void take(String name, Limit limit, String subject) {
		Optional<Duration> wait = limiter.take(name, limit, subject);
		if (wait.isPresent()) {
			throw new RateLimitedException(name, limit, wait.get());
		}
	}
}
