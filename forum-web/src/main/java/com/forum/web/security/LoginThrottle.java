package com.forum.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per account: after a few failures each further attempt must wait,
 * twice as long as the one before. Kept in Redis so every node sees the same count.
 */
@Component
class LoginThrottle {

	private final StringRedisTemplate redis;

	private final SecurityProperties.LoginThrottleProperties rules;

	private final Clock clock;

	LoginThrottle(StringRedisTemplate redis, SecurityProperties properties, Clock clock) {
		this.redis = redis;
		this.rules = properties.loginThrottle();
		this.clock = clock;
	}

	/** How long the account must still wait before the next attempt; zero when it may try now. */
	Duration waitBeforeNextAttempt(String username) {
		List<Object> state = redis.opsForHash().multiGet(key(username), List.of("failures", "last"));
		if (state.get(0) == null || state.get(1) == null) {
			return Duration.ZERO;
		}
		int failures = Integer.parseInt(state.get(0).toString());
		if (failures < rules.freeAttempts()) {
			return Duration.ZERO;
		}
		Instant allowedAt = Instant.ofEpochMilli(Long.parseLong(state.get(1).toString())).plus(delayAfter(failures));
		Duration remaining = Duration.between(clock.instant(), allowedAt);
		return remaining.isNegative() ? Duration.ZERO : remaining;
	}

	void failed(String username) {
		String key = key(username);
		redis.opsForHash().increment(key, "failures", 1);
		redis.opsForHash().put(key, "last", Long.toString(clock.millis()));
		redis.expire(key, rules.window());
	}

	void succeeded(String username) {
		redis.delete(key(username));
	}

	Duration delayAfter(int failures) {
		int doublings = Math.min(failures - rules.freeAttempts(), 20);
		Duration delay = rules.baseDelay().multipliedBy(1L << doublings);
		return delay.compareTo(rules.maxDelay()) > 0 ? rules.maxDelay() : delay;
	}

	private static String key(String username) {
		return "forum:login-failures:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
	}
}
