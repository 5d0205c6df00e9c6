package com.forum.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerLaneTest {

	private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(START);

	private final ListenerLane lane = new ListenerLane("test-lane", 1, new Clock() {

		@Override
		public Instant instant() {
			return now.get();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@AfterEach
	void stop() {
		lane.stop();
	}

	@Test
	void theOldestUnfinishedDeliveryIsTheLongestQueuedOrRunningOne() throws InterruptedException {
		CountDownLatch firstRuns = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		CountDownLatch releaseSecond = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);

		lane.execute(() -> {
			firstRuns.countDown();
			await(releaseFirst);
		});
		now.set(START.plus(Duration.ofMinutes(7)));
		lane.execute(() -> {
			await(releaseSecond);
			secondDone.countDown();
		});
		assertThat(firstRuns.await(5, TimeUnit.SECONDS)).isTrue();

		// the second waits in the queue behind the first, which runs since START
		assertThat(lane.oldestUnfinished()).contains(START);
		assertThat(lane.unfinishedCount()).isEqualTo(2);

		releaseFirst.countDown();
		awaitCount(1);
		assertThat(lane.oldestUnfinished()).contains(START.plus(Duration.ofMinutes(7)));

		releaseSecond.countDown();
		assertThat(secondDone.await(5, TimeUnit.SECONDS)).isTrue();
		awaitCount(0);
		assertThat(lane.oldestUnfinished()).isEmpty();
	}

	@Test
	void aDeliveryThatFailsIsNoLongerUnfinished() throws InterruptedException {
		lane.execute(() -> {
			throw new IllegalStateException("listener failed");
		});

		awaitCount(0);
		assertThat(lane.oldestUnfinished()).isEmpty();
	}

	@Test
	void aDeliveryHandedToAStoppedLaneIsLeftToTheRegistryAndLeavesNothingBehind() throws InterruptedException {
		lane.stop();
		CountDownLatch ran = new CountDownLatch(1);

		lane.execute(ran::countDown);

		assertThat(ran.await(200, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(lane.unfinishedCount()).isZero();
		assertThat(lane.isRunning()).isFalse();
	}

	@Test
	void aLaneStartedAgainAfterStoppingDeliversAgain() throws InterruptedException {
		lane.stop();
		lane.start();
		CountDownLatch delivered = new CountDownLatch(1);

		lane.execute(delivered::countDown);

		assertThat(delivered.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(lane.isRunning()).isTrue();
	}

	private void awaitCount(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (lane.unfinishedCount() != count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(lane.unfinishedCount()).isEqualTo(count);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
