package com.forum.web.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse resistance, set in {@code config/security.yml}: where a request comes from, the short-window rate
 * limits, sign-in throttling and the largest request body.
 *
 * @param clientAddress which address a request is counted against
 * @param rateLimits burst limits per address, account, member and token
 * @param signIn how failed sign-ins are slowed down
 * @param maxRequestBody the largest JSON or form body read; a larger one is refused unread (413). Room for the
 *        longest post (50,000 characters) in Chinese from a form, where each character takes 9 bytes
 *        ({@code %E4%BD%A0}), and no more
 * @param redisTimeout how long a limit waits for Redis before letting the request through (see
 *        {@link RateLimiter})
 * @param maxUploadBody the largest multipart body (an image with the form it came with); a larger one is
 *        refused unread (413). Room above {@code forum.uploads.max-bytes}, so an image a little too large
 *        is answered by the uploads' own clear refusal
 */
@Validated
@ConfigurationProperties("forum.security")
public record SecurityProperties(@DefaultValue @NotNull @Valid ClientAddressProperties clientAddress,
		@DefaultValue @NotNull @Valid RateLimitProperties rateLimits, @DefaultValue @NotNull @Valid SignInProperties signIn,
		@DefaultValue("512KB") @NotNull DataSize maxRequestBody,
		@DefaultValue("1s") @NotNull @DurationMin(millis = 10) Duration redisTimeout,
		@DefaultValue("6MB") @NotNull DataSize maxUploadBody) {

	/**
	 * @param trustedProxies addresses (or ranges such as {@code 10.0.0.0/8}) of the proxies in front of the
	 *        application whose {@code header} is believed; empty (the default): no header is believed and
	 *        the connection's own address counts
	 * @param header the header a trusted proxy appends the client's address to
	 */
	public record ClientAddressProperties(
			@DefaultValue @NotNull List<@NotNull @Pattern(regexp = ADDRESS_OR_RANGE,
					message = "must be an address or a range such as 10.0.0.0/8, not a host name") String> trustedProxies,
			@DefaultValue("X-Forwarded-For") @NotBlank String header) {

		/** An address or a range, never a host name (which would need DNS on every request). */
		static final String ADDRESS_OR_RANGE = "[0-9a-fA-F:.]{2,45}(/[0-9]{1,3})?";
	}

	/**
	 * Short-window burst limits, each "N per DURATION" (a bucket of N that refills evenly over the duration).
	 * They complement the daily quotas by level of {@code com.forum.reputation.DailyQuotas} and
	 * {@code forum.reputation.quotas}: those are a member's allowance for the day, these stop a burst
	 * within minutes, and hold for every level.
	 */
	public record RateLimitProperties(@DefaultValue("10 per 1h") @NotNull Limit registrationsPerAddress,
			@DefaultValue("10 per 1h") @NotNull Limit tokensPerAccount,
			@DefaultValue("30 per 1h") @NotNull Limit tokensPerAddress,
			@DefaultValue("5 per 10m") @NotNull Limit threadsPerMember,
			@DefaultValue("20 per 10m") @NotNull Limit repliesPerMember,
			@DefaultValue("5 per 1h") @NotNull Limit petitionsPerMember,
			@DefaultValue("30 per 10m") @NotNull Limit votesPerMember,
			@DefaultValue("60 per 10m") @NotNull Limit likesPerMember,
			@DefaultValue("10 per 10m") @NotNull Limit flagsPerMember,
			@DefaultValue("600 per 1m") @NotNull Limit apiCallsPerToken,
			@DefaultValue("20 per 10m") @NotNull Limit messagesPerMember,
			@DefaultValue("30 per 10m") @NotNull Limit pollVotesPerMember,
			@DefaultValue("60 per 10m") @NotNull Limit bookmarksPerMember,
			@DefaultValue("20 per 10m") @NotNull Limit uploadsPerMember,
			@DefaultValue("120 per 10m") @NotNull Limit followingChangesPerMember,
			@DefaultValue("120 per 1m") @NotNull Limit searchSuggestionsPerAddress) {
	}

	/**
	 * @param failuresPerAccountAndAddress failed sign-ins for one account from one address (or one trusted
	 *        device) before that pair must wait
	 * @param failuresPerAddress failed sign-ins from one address over any accounts (password spraying)
	 * @param trustedDevice how long a browser that signed in stays trusted for its account, and the cookie
	 */
	public record SignInProperties(@DefaultValue("5 per 15m") @NotNull Limit failuresPerAccountAndAddress,
			@DefaultValue("30 per 15m") @NotNull Limit failuresPerAddress,
			@DefaultValue @NotNull @Valid TrustedDeviceProperties trustedDevice) {
	}

	/**
	 * @param lifetime how long after a successful sign-in the browser stays trusted
	 * @param cookie the cookie's name
	 * @param secret the key signing the cookie; blank: a random key per start (every node of several
	 *        must then be given the same secret, or a device is trusted by one node only)
	 */
	public record TrustedDeviceProperties(@DefaultValue("30d") @NotNull @DurationMin(minutes = 1) Duration lifetime,
			@DefaultValue("forum_device") @NotBlank String cookie, @DefaultValue("") @NotNull String secret) {
	}
}
