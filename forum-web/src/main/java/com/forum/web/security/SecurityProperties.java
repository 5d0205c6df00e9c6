package com.forum.web.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/** @param loginThrottle how repeated failed sign-ins are slowed down */
@ConfigurationProperties("forum.security")
public record SecurityProperties(@DefaultValue @Name("login-throttle") LoginThrottleProperties loginThrottle) {

	/**
	 * @param freeAttempts failures allowed before waiting is required
	 * @param window failures older than this are forgotten
	 * @param baseDelay the first wait; each further failure doubles it
	 * @param maxDelay the longest wait
	 */
	public record LoginThrottleProperties(@DefaultValue("5") int freeAttempts, @DefaultValue("15m") Duration window,
			@DefaultValue("1s") Duration baseDelay, @DefaultValue("5m") Duration maxDelay) {
	}
}
