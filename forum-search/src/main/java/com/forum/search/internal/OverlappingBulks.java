package com.forum.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

/**
 * The bulk requests of a rebuild's backfill, a few at a time: while Elasticsearch indexes one batch, the
 * backfill reads and prepares the next from the database, and Elasticsearch, which indexes each bulk
 * request on one thread, gets work for more than one. At most {@code inFlight} batches are out at once, so
 * the memory a rebuild takes stays bounded however big the database. The first failure stops the backfill
 * at its next batch and is thrown by {@link #finish}.
 */
final class OverlappingBulks implements Consumer<List<BulkOperation>> {

	private final Consumer<List<BulkOperation>> send;

	private final int inFlight;

	private final Semaphore slots;

	private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

	/**
	 * @param send sends one batch and returns once Elasticsearch accepted it, throwing otherwise
	 */
	OverlappingBulks(Consumer<List<BulkOperation>> send, int inFlight) {
		this.send = send;
		this.inFlight = inFlight;
		this.slots = new Semaphore(inFlight);
	}

	@Override
	public void accept(List<BulkOperation> batch) {
		throwIfFailed();
		acquire(1);
		RuntimeException failed = failure.get();
		if (failed != null) {
			slots.release(); // the slot was not used: await must still find every slot free
			throw failed;
		}
		Thread.ofVirtual().name("rebuild-bulk").start(() -> {
			try {
				send.accept(batch);
			}
			catch (RuntimeException ex) {
				failure.compareAndSet(null, ex);
			}
			finally {
				slots.release();
			}
		});
	}

	/** Waits for every batch sent; throws the first failure, if any. */
	void finish() throws IOException {
		await();
		RuntimeException failed = failure.get();
		if (failed instanceof UncheckedIOException io) {
			throw io.getCause();
		}
		if (failed != null) {
			throw failed;
		}
	}

	/** Waits for every batch sent, whatever became of them: for a backfill that failed itself. */
	void await() {
		acquire(inFlight);
		slots.release(inFlight);
	}

	private void throwIfFailed() {
		RuntimeException failed = failure.get();
		if (failed != null) {
			throw failed;
		}
	}

	private void acquire(int permits) {
		try {
			slots.acquire(permits);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException("Interrupted while the rebuild was sending", ex));
		}
	}
}
