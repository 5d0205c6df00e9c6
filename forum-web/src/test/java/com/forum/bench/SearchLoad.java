package com.forum.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Closed-loop search load from this process: a number of clients, each sending its next request as soon
 * as the previous one is answered, for a while or until stopped. Every answer is timed; an answer that is
 * not a 200, or finds nothing where the query found something before, is a failure.
 */
final class SearchLoad {

	private final HttpClient http;

	SearchLoad(HttpClient http) {
		this.http = http;
	}

	/** What a run measured. */
	record Latency(String name, int clients, long requests, double seconds, double p50Millis, double p99Millis,
			long errors, long empty, List<String> failures) {

		double requestsPerSecond() {
			return requests / seconds;
		}

		String row() {
			return String.format(Locale.ROOT, "| %s | %d | %,.0f | %.1f | %.1f | %,d | %,d |", name, clients,
					requestsPerSecond(), p50Millis, p99Millis, errors, empty);
		}

		static String header() {
			return "| query | clients | requests/s | p50 ms | p99 ms | errors | empty |\n"
					+ "| --- | ---: | ---: | ---: | ---: | ---: | ---: |";
		}
	}

	/**
	 * @param requests the i-th request of the run (clients pick in turn, so all queries are used)
	 * @param found whether an answer's body holds at least one hit
	 */
	Latency run(String name, int clients, Duration duration, AtomicBoolean stop, IntFunction<HttpRequest> requests,
			Predicate<String> found) throws InterruptedException {
		long[][] samples = new long[clients][];
		int[] counts = new int[clients];
		AtomicLong errors = new AtomicLong();
		AtomicLong empty = new AtomicLong();
		AtomicLong next = new AtomicLong();
		List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		long deadline = duration == null ? Long.MAX_VALUE : started + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			samples[c] = new long[4096];
			threads.add(Thread.ofPlatform().name("search-client-" + c).start(() -> {
				while (System.nanoTime() < deadline && !stop.get()) {
					HttpRequest request = requests.apply((int) (next.getAndIncrement() & Integer.MAX_VALUE));
					long sent = System.nanoTime();
					try {
						HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
						long took = System.nanoTime() - sent;
						if (answer.statusCode() != 200) {
							errors.incrementAndGet();
							note(failures, request.uri() + " answered " + answer.statusCode());
						}
						else if (!found.test(answer.body())) {
							empty.incrementAndGet();
							note(failures, request.uri() + " found nothing");
						}
						if (counts[client] == samples[client].length) {
							samples[client] = Arrays.copyOf(samples[client], counts[client] * 2);
						}
						samples[client][counts[client]++] = took;
					}
					catch (IOException ex) {
						errors.incrementAndGet();
						note(failures, request.uri() + " failed: " + ex);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] all = new long[Arrays.stream(counts).sum()];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(samples[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		return new Latency(name, clients, all.length, seconds, percentile(all, 0.50), percentile(all, 0.99),
				errors.get(), empty.get(), List.copyOf(failures.subList(0, Math.min(3, failures.size()))));
	}

	private static void note(List<String> failures, String failure) {
		if (failures.size() < 3) {
			failures.add(failure);
		}
	}

	static double percentile(long[] sortedNanos, double fraction) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(fraction * sortedNanos.length) - 1);
		return sortedNanos[Math.max(0, index)] / 1e6;
	}
}
