package com.forum.shared.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.forum.shared.ListenerLane;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which publications the retry job takes for stuck (their node died) rather than merely queued. */
class StuckDeliveriesTest {

	private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	private static final Duration STUCK_AFTER = Duration.ofMinutes(5);

	@Test
	void withNothingWaitingHerePublicationsOlderThanTheLimitAreStuck() {
		ListenerLane idle = lane(NOW);
		try {
			assertThat(EventDeliveryRetries.stuckBefore(NOW, List.of(idle), STUCK_AFTER))
				.isEqualTo(NOW.minus(STUCK_AFTER));
			assertThat(EventDeliveryRetries.stuckBefore(NOW, List.of(), STUCK_AFTER)).isEqualTo(NOW.minus(STUCK_AFTER));
		}
		finally {
			idle.stop();
		}
	}

	@Test
	void behindABacklogTheLimitCountsFromTheOldestDeliveryStillWaitingHere() throws InterruptedException {
		Instant backlogSince = NOW.minus(Duration.ofMinutes(12));
		ListenerLane busy = lane(backlogSince);
		ListenerLane idle = lane(NOW);
		CountDownLatch release = new CountDownLatch(1);
		try {
			busy.execute(() -> {
				try {
					release.await(5, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});

			// a publication from 10 minutes ago may be queued behind the one handed over 12 minutes ago
			assertThat(EventDeliveryRetries.stuckBefore(NOW, List.of(idle, busy), STUCK_AFTER))
				.isEqualTo(backlogSince.minus(STUCK_AFTER))
				.isBefore(NOW.minus(Duration.ofMinutes(10)));
		}
		finally {
			release.countDown();
			busy.stop();
			idle.stop();
		}
	}

	private static ListenerLane lane(Instant handOver) {
		return new ListenerLane("stuck-test", 1, Clock.fixed(handOver, ZoneOffset.UTC));
	}
}
