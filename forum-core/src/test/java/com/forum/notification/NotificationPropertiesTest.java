package com.forum.notification;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest's batching rule: one notification mail per member per window, the rest together after it. */
class NotificationPropertiesTest {

	private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

	private final NotificationProperties properties = new NotificationProperties(Duration.ofMinutes(15),
			Duration.ofSeconds(30));

	@Test
	void aMemberNeverMailedIsMailedAtOnce() {
		assertThat(properties.mailsNow(null, NOON)).isTrue();
	}

	@Test
	void aMailWithinTheWindowOfTheLastWaitsForTheDigest() {
		assertThat(properties.mailsNow(NOON, NOON)).isFalse();
		assertThat(properties.mailsNow(NOON, NOON.plus(Duration.ofMinutes(14).plusSeconds(59)))).isFalse();
	}

	@Test
	void onceTheWindowIsOverTheNextMailOrTheDigestGoesOut() {
		assertThat(properties.mailsNow(NOON, NOON.plus(Duration.ofMinutes(15)))).isTrue();
		assertThat(properties.mailsNow(NOON, NOON.plus(Duration.ofHours(3)))).isTrue();
	}
}
