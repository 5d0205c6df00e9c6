package com.forum.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs a numbered task many times on a pool and gives back the results in order, as clients at once would. */
public final class Concurrently {

	private Concurrently() {
	}

	/** The task for 0 to count - 1 on the pool (which is closed after), each result at its number. */
	public static <T> List<T> run(int count, ExecutorService pool, IntFunction<T> task) throws Exception {
		try (pool) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(pool.submit(() -> task.apply(index)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}
}
