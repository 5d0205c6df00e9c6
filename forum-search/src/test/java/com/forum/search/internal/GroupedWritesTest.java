package com.forum.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class GroupedWritesTest {

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	/** Every bulk request sent, as the ids of its operations. */
	private final List<List<String>> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch firstSent = new CountDownLatch(1);

	private final CountDownLatch releaseFirst = new CountDownLatch(1);

	@AfterEach
	void stopCallers() {
		callers.shutdownNow();
	}

	@Test
	void aWriteAloneGoesOutAtOnceInARequestOfItsOwn() throws IOException {
		GroupedWrites writes = new GroupedWrites(this::accept, 100);

		writes.write(operations("a"));
		writes.write(operations("b", "c"));

		assertThat(requests).containsExactly(List.of("a"), List.of("b", "c"));
	}

	@Test
	void writesArrivingWhileARequestIsOutGoTogetherInTheNextOne() throws Exception {
		GroupedWrites writes = new GroupedWrites(holdingTheFirst(this::accept), 100);

		List<Future<?>> later = whileTheFirstIsOut(writes, "w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9");

		assertThat(requests).hasSize(2);
		assertThat(requests.get(1)).containsExactlyInAnyOrder("w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8",
				"w9");
		assertThat(later).allMatch(Future::isDone);
	}

	@Test
	void aRequestCarriesNoMoreThanTheLimitAndTheRestFollows() throws Exception {
		GroupedWrites writes = new GroupedWrites(holdingTheFirst(this::accept), 3);

		whileTheFirstIsOut(writes, "w0", "w1", "w2", "w3", "w4", "w5", "w6");

		assertThat(requests).hasSize(4);
		assertThat(requests.subList(1, 4)).allSatisfy(request -> assertThat(request).hasSizeLessThanOrEqualTo(3));
		assertThat(requests.subList(1, 4).stream().flatMap(List::stream)).hasSize(7);
	}

	@Test
	void anOperationThatFailsFailsOnlyTheWriteItCameFrom() throws Exception {
		GroupedWrites writes = new GroupedWrites(holdingTheFirst(operations -> {
			List<IOException> result = accept(operations);
			for (int i = 0; i < operations.size(); i++) {
				if (operations.get(i).index().id().equals("bad")) {
					result.set(i, new IOException("mapping refused bad"));
				}
			}
			return result;
		}), 100);

		Future<?> first = callers.submit(() -> write(writes, "first"));
		await(firstSent);
		Future<?> good = callers.submit(() -> write(writes, "good"));
		Future<?> bad = callers.submit(() -> write(writes, "also-good", "bad"));
		waitUntilWaiting(writes, 2);
		releaseFirst.countDown();

		first.get(10, TimeUnit.SECONDS);
		good.get(10, TimeUnit.SECONDS);
		assertThat(bad).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableOfType(Exception.class)
			.havingRootCause()
			.isInstanceOf(IOException.class)
			.withMessage("mapping refused bad");
		assertThat(requests).hasSize(2);
	}

	@Test
	void aRequestThatFailsFailsItsWritersAndTheNextWriteStillGoesOut() throws IOException {
		List<String> down = new ArrayList<>(List.of("down"));
		GroupedWrites writes = new GroupedWrites(operations -> {
			if (!down.isEmpty()) {
				down.clear();
				throw new IOException("Connection refused");
			}
			return accept(operations);
		}, 100);

		assertThatIOException().isThrownBy(() -> writes.write(operations("a")))
			.withMessageContaining("Connection refused");
		writes.write(operations("b"));

		assertThat(requests).containsExactly(List.of("b"));
	}

	/** Keeps the first request out until released, so that the writes after it have to wait. */
	private GroupedWrites.Bulk holdingTheFirst(GroupedWrites.Bulk bulk) {
		return operations -> {
			List<IOException> result = bulk.send(operations);
			if (requests.size() == 1) {
				firstSent.countDown();
				await(releaseFirst);
			}
			return result;
		};
	}

	/** Writes one of its own, then each id as a write of its own while the first is out, and waits for all. */
	private List<Future<?>> whileTheFirstIsOut(GroupedWrites writes, String... ids) throws Exception {
		Future<?> first = callers.submit(() -> write(writes, "first"));
		await(firstSent);
		List<Future<?>> later = new ArrayList<>();
		for (String id : ids) {
			later.add(callers.submit(() -> write(writes, id)));
		}
		waitUntilWaiting(writes, ids.length);
		assertThat(later).noneMatch(Future::isDone);
		releaseFirst.countDown();
		first.get(10, TimeUnit.SECONDS);
		for (Future<?> each : later) {
			each.get(10, TimeUnit.SECONDS);
		}
		return later;
	}

	private List<IOException> accept(List<BulkOperation> operations) {
		requests.add(operations.stream().map(operation -> operation.index().id()).toList());
		return new ArrayList<>(Collections.nCopies(operations.size(), null));
	}

	private static Void write(GroupedWrites writes, String... ids) throws IOException {
		writes.write(operations(ids));
		return null;
	}

	private static List<BulkOperation> operations(String... ids) {
		List<BulkOperation> operations = new ArrayList<>();
		for (String id : ids) {
			operations.add(BulkOperation.of(b -> b.index(i -> i.id(id).document(id))));
		}
		return operations;
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void waitUntilWaiting(GroupedWrites writes, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (writes.waiting() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(writes.waiting()).isEqualTo(count);
	}
}
