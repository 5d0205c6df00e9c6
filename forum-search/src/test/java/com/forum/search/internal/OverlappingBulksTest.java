package com.forum.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class OverlappingBulksTest {

	private static final List<BulkOperation> BATCH = List.of();

	@Test
	void sendsUpToTheLimitAtOnceAndFinishesOnceAllAreIn() throws Exception {
		AtomicInteger out = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger sent = new AtomicInteger();
		CountDownLatch bothOut = new CountDownLatch(2);
		OverlappingBulks bulks = new OverlappingBulks(batch -> {
			most.accumulateAndGet(out.incrementAndGet(), Math::max);
			bothOut.countDown();
			await(bothOut);
			sent.incrementAndGet();
			out.decrementAndGet();
		}, 2);

		for (int i = 0; i < 10; i++) {
			bulks.accept(BATCH);
		}
		bulks.finish();

		assertThat(sent).hasValue(10);
		assertThat(most).hasValue(2);
	}

	@Test
	void aFailedBatchStopsTheNextAndIsThrownByFinishWithoutWaitingForever() {
		OverlappingBulks bulks = new OverlappingBulks(batch -> {
			throw new UncheckedIOException(new IOException("bulk refused"));
		}, 2);

		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			assertThatThrownBy(() -> {
				for (int i = 0; i < 100; i++) {
					bulks.accept(BATCH);
				}
			}).isInstanceOf(UncheckedIOException.class);
			bulks.await();
			assertThatIOException().isThrownBy(bulks::finish).withMessage("bulk refused");
		});
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
