package com.forum.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notification e-mail is paced.
 *
 * @param digestWindow a member is e-mailed at most once within this window; what comes meanwhile waits
 *     and goes out together, as one digest, when the window is over
 * @param digestCheckInterval how often waiting digests are looked for
 */
@Validated
@ConfigurationProperties("forum.notifications")
public record NotificationProperties(@DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration digestWindow,
		@DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration digestCheckInterval) {

	/**
	 * The batching rule: a mail goes now when the member was never mailed or their last mail is a whole
	 * window old; else it waits for the digest, which is due by the same test.
	 */
	boolean mailsNow(Instant lastMail, Instant now) {
		return lastMail == null || !now.isBefore(lastMail.plus(digestWindow));
	}
}
