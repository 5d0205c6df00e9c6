package com.forum.web;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition, for effects that arrive asynchronously (indexing, view flushing). */
public final class Await {

	private Await() {
	}

	/** Returns how long it took, or fails after the limit. */
	public static Duration until(Duration limit, BooleanSupplier condition) {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		while (true) {
			if (condition.getAsBoolean()) {
				return Duration.ofNanos(System.nanoTime() - start);
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within " + limit);
			}
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}
}
