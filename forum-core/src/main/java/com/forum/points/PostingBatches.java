package com.forum.points;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts earnings in transactions shared with the earnings of concurrent callers: a group commit.
 * Each posting on its own costs a transaction, a commit and a handful of round trips, most of it the
 * same whatever the number of postings, so under load a few writers take everything waiting and post
 * it with {@link Ledger#postAll} in one transaction; when the load is light each caller's postings go
 * alone, as soon as they come. A caller waits until its postings are committed, so that the event
 * that earned them is marked delivered only then, and is delivered again should the process die
 * before. A batch that fails (a spending refused, a deadlock, a lost connection) is posted again one
 * caller at a time, so that one caller's failure is never another's.
 *
 * <p>
 * Written by hand rather than with a library: what it needs is a queue, a few threads and a
 * transaction template, and the batching must follow the ledger's own rules (locks in one order,
 * one caller's refusal not refusing others).
 */
@Service
public class PostingBatches implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PostingBatches.class);

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final int maxPostings;

	private final BlockingQueue<Request> waiting = new LinkedBlockingQueue<>();

	private final ExecutorService writers;

	private volatile boolean running = true;

	PostingBatches(Ledger ledger, TransactionTemplate tx, PointsProperties properties) {
		this.ledger = ledger;
		this.tx = tx;
		this.maxPostings = properties.batching().maxPostings();
		int count = properties.batching().writers();
		this.writers = Executors.newFixedThreadPool(count, Thread.ofPlatform().name("ledger-writer-", 1).daemon().factory());
		for (int i = 0; i < count; i++) {
			writers.execute(this::write);
		}
	}

	/**
	 * Posts the postings as {@link Ledger#postAll} does, and returns once they are committed. Inside a
	 * transaction they are posted in it instead, so that they commit or roll back with the caller's
	 * other writes.
	 */
	public List<Posted> post(List<Posting> postings) {
		if (postings.isEmpty()) {
			return List.of();
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return ledger.postAll(postings);
		}
		Request request = new Request(List.copyOf(postings), new CompletableFuture<>());
		waiting.add(request);
		if (!running && waiting.remove(request)) {
			throw new IllegalStateException("The ledger is shutting down");
		}
		try {
			return request.done().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private void write() {
		while (running) {
			List<Request> batch = new ArrayList<>();
			try {
				Request first = waiting.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				int postings = first.postings().size();
				Request next;
				while (postings < maxPostings && (next = waiting.poll()) != null) {
					batch.add(next);
					postings += next.postings().size();
				}
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				fail(batch);
				return;
			}
			catch (RuntimeException | Error ex) {
				log.error("A ledger writer failed", ex);
				fail(batch);
			}
		}
	}

	private void write(List<Request> batch) {
		if (batch.size() == 1) {
			writeAlone(batch.getFirst());
			return;
		}
		List<Posting> postings = new ArrayList<>();
		batch.forEach(request -> postings.addAll(request.postings()));
		List<Posted> posted;
		try {
			posted = tx.execute(status -> ledger.postAll(postings));
		}
		catch (RuntimeException ex) {
			batch.forEach(this::writeAlone);
			return;
		}
		int from = 0;
		for (Request request : batch) {
			int to = from + request.postings().size();
			request.done().complete(List.copyOf(posted.subList(from, to)));
			from = to;
		}
	}

	private void writeAlone(Request request) {
		if (request.done().isDone()) {
			return;
		}
		try {
			request.done().complete(tx.execute(status -> ledger.postAll(request.postings())));
		}
		catch (RuntimeException ex) {
			request.done().completeExceptionally(ex);
		}
	}

	private void fail(List<Request> batch) {
		IllegalStateException stopped = new IllegalStateException("The ledger is shutting down");
		batch.forEach(request -> request.done().completeExceptionally(stopped));
	}

	/** Stops taking postings; those still waiting fail, and the events that earned them are delivered again later. */
	@Override
	public void destroy() throws InterruptedException {
		running = false;
		writers.shutdown();
		if (!writers.awaitTermination(10, TimeUnit.SECONDS)) {
			writers.shutdownNow();
		}
		List<Request> left = new ArrayList<>();
		waiting.drainTo(left);
		fail(left);
	}

	private record Request(List<Posting> postings, CompletableFuture<List<Posted>> done) {
	}
}
