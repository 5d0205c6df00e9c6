package com.forum.web.security;

import java.time.Duration;

import com.forum.shared.RuleViolationException;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Too many of one kind of request in a short time. Nothing was done; the same request succeeds once a
 * token is back, after {@link #retryAfterSeconds()}. The API answers 429 with {@code Retry-After} and the
 * problem type {@code /problems/rate-limited}; a page's form keeps what the member typed and says when to
 * try again.
 */
public class RateLimitedException extends RuleViolationException {

	static final String CODE = "rate-limited";

	private final String limitName;

	private final Limit limit;

	private final Duration retryAfter;

	RateLimitedException(String limitName, Limit limit, Duration retryAfter) {
		super(CODE, "Too many %s in a short time (at most %d at once); try again in %d seconds.".formatted(limitName,
				limit.capacity(), seconds(retryAfter)),
				new DefaultMessageSourceResolvable(new String[] { "limit." + limitName }, limitName), limit.capacity(),
				seconds(retryAfter), (seconds(retryAfter) + 59) / 60);
		this.limitName = limitName;
		this.limit = limit;
		this.retryAfter = retryAfter;
	}

	/** The limit's stable name ("threads", "registrations", ...), a member of the problem detail. */
	public String limitName() {
		return limitName;
	}

	public int capacity() {
		return limit.capacity();
	}

	public Duration period() {
		return limit.period();
	}

	/** Whole seconds until the request may succeed, at least one: what {@code Retry-After} says. */
	public long retryAfterSeconds() {
		return seconds(retryAfter);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}
}
