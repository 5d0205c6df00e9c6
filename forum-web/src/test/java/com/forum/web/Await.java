package com.forum.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

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

	/** Polls for a value until it satisfies the condition, and returns that value. */
	public static <T> T value(Duration limit, Supplier<T> value, Predicate<T> condition) {
		AtomicReference<T> last = new AtomicReference<>();
		until(limit, () -> {
			last.set(value.get());
			return condition.test(last.get());
		});
		return last.get();
	}
}
