package com.forum.search.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

/**
 * Sends the index writes of concurrent callers together, as a database groups commits: a write that
 * arrives while a bulk request is out waits, and when that request returns, the longest-waiting
 * caller sends everything that waits meanwhile in one request. Under light load every write goes out
 * alone and at once; under heavy load one request carries many writes, which costs Elasticsearch far
 * less than as many requests, and no write waits for a timer.
 * <p>
 * Each caller returns only once its own operations were accepted, and fails with the failure of its
 * own operations only, so a delivery is completed or retried exactly as if it had written alone.
 */
final class GroupedWrites {

	/** One bulk request: for each operation sent, why it failed, or null. */
	@FunctionalInterface
	interface Bulk {

		List<IOException> send(List<BulkOperation> operations) throws IOException;
	}

	private final Bulk bulk;

	private final int maxOperations;

	private final ReentrantLock lock = new ReentrantLock();

	private final ArrayDeque<Write> waiting = new ArrayDeque<>();

	private boolean sending;

	GroupedWrites(Bulk bulk, int maxOperations) {
		this.bulk = bulk;
		this.maxOperations = maxOperations;
	}

	void write(List<BulkOperation> operations) throws IOException {
		if (operations.isEmpty()) {
			return;
		}
		Write mine = new Write(operations, lock.newCondition());
		lock.lock();
		try {
			waiting.add(mine);
			if (!sending) {
				sending = true;
				mine.leads = true;
			}
			while (!mine.leads && !mine.done) {
				mine.turn.awaitUninterruptibly();
			}
		}
		finally {
			lock.unlock();
		}
		if (!mine.done) {
			sendWaiting();
		}
		if (mine.failure != null) {
			throw mine.failure;
		}
	}

	/** Sends the waiting writes, the leader's first, and hands the lead to the next one waiting. */
	private void sendWaiting() {
		List<Write> batch = new ArrayList<>();
		List<BulkOperation> operations = new ArrayList<>();
		lock.lock();
		try {
			while (!waiting.isEmpty() && (batch.isEmpty()
					|| operations.size() + waiting.peek().operations.size() <= maxOperations)) {
				Write next = waiting.poll();
				batch.add(next);
				operations.addAll(next.operations);
			}
		}
		finally {
			lock.unlock();
		}
		List<IOException> failures = null;
		Throwable whole = null;
		try {
			failures = bulk.send(operations);
		}
		catch (IOException | RuntimeException ex) {
			whole = ex;
		}
		catch (Error error) {
			whole = error;
			throw error;
		}
		finally {
			complete(batch, failures, whole);
		}
	}

	/** Wakes each writer of the batch with its outcome; an error no one waits for must not stop the others. */
	private void complete(List<Write> batch, List<IOException> failures, Throwable whole) {
		lock.lock();
		try {
			int offset = 0;
			for (Write write : batch) {
				write.failure = whole != null || failures == null
						? new IOException("Writing to the index failed: " + whole, whole)
						: firstFailure(failures, offset, write.operations.size());
				offset += write.operations.size();
				write.done = true;
				write.turn.signal();
			}
			Write next = waiting.peek();
			if (next == null) {
				sending = false;
			}
			else {
				next.leads = true;
				next.turn.signal();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Writes waiting for a request to carry them. */
	int waiting() {
		lock.lock();
		try {
			return waiting.size();
		}
		finally {
			lock.unlock();
		}
	}

	private static IOException firstFailure(List<IOException> failures, int from, int count) {
		for (int i = from; i < from + count; i++) {
			if (failures.get(i) != null) {
				return failures.get(i);
			}
		}
		return null;
	}

	private static final class Write {

		final List<BulkOperation> operations;

		final Condition turn;

		boolean leads;

		boolean done;

		IOException failure;

		Write(List<BulkOperation> operations, Condition turn) {
			this.operations = operations;
			this.turn = turn;
		}
	}
}
