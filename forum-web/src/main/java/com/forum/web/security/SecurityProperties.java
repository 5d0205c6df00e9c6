package com.forum.web.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/** @param loginThrottle how repeated failed sign-ins are slowed down */
@Validated
@ConfigurationProperties("forum.security")
public record SecurityProperties(
		@DefaultValue @Name("login-throttle") @NotNull @Valid LoginThrottleProperties loginThrottle) {

	/**
	 * @param freeAttempts failures allowed before waiting is required
	 * @param window failures older than this are forgotten
	 * @param baseDelay the first wait; each further failure doubles it
	 * @param maxDelay the longest wait
	 */
	public record LoginThrottleProperties(@DefaultValue("5") @PositiveOrZero int freeAttempts,
			@DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration window,
			@DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration baseDelay,
			@DefaultValue("5m") @NotNull Duration maxDelay) {

		/** Doubling from above the cap would make the first wait the longest. */
		@AssertTrue(message = "must not be longer than max-delay")
		boolean isBaseDelayWithinMax() {
			return baseDelay == null || maxDelay == null || baseDelay.compareTo(maxDelay) <= 0;
		}
	}
}
