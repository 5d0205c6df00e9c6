package com.forum.localservices;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read/write load of {@code ./forum cluster-proof}: a few clients on loopback, each a member with a
 * bearer token, each in turn reading (a thread, its replies, a search) and now and then writing a reply
 * through nginx, with a pause between requests so that the load stays bounded. It keeps every reply
 * acknowledged to it (2xx with an id) and every answer that was not a 2xx, with its time.
 */
final class ClusterLoad implements AutoCloseable {

	private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

	private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");

	/**
	 * One answer a user would have seen as an error: a status other than 2xx, or no answer at all (0), with
	 * the type of its problem detail when it had one (which limit refused it, what was unavailable).
	 */
	record Failure(long atNanos, String request, int status, String problem) {
	}

	private final String base;

	private final List<String> tokens;

	private final long topicId;

	private final String searchWord;

	private final Duration pause;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong searches = new AtomicLong();

	private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();

	private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

	private final List<Thread> clients = new ArrayList<>();

	/**
	 * @param searchWord a word every reply of this load carries, for the searches
	 */
	ClusterLoad(String base, List<String> tokens, long topicId, String searchWord, Duration pause) {
		this.base = base;
		this.tokens = tokens;
		this.topicId = topicId;
		this.searchWord = searchWord;
		this.pause = pause;
		for (String token : tokens) {
			clients.add(Thread.ofVirtual().name("cluster-load").start(() -> run(token)));
		}
	}

	private void run(String token) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (running.get()) {
			int choice = random.nextInt(10);
			if (choice < 3) {
				write(token);
			}
			else if (choice < 5) {
				searches.incrementAndGet();
				send(token, "GET", "/api/v1/search?q=" + searchWord, null);
			}
			else if (choice < 7) {
				send(token, "GET", "/api/v1/threads/" + topicId + "/replies?page=1&size=20", null);
			}
			else {
				send(null, "GET", "/", null);
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void write(String token) {
		String body = "{\"body\":\"Cluster proof " + searchWord + " reply " + UUID.randomUUID() + "\"}";
		HttpResponse<String> response = send(token, "POST", "/api/v1/threads/" + topicId + "/replies", body);
		if (response != null && response.statusCode() / 100 == 2) {
			Matcher id = ID.matcher(response.body());
			if (id.find()) {
				acknowledged.add(Long.parseLong(id.group(1)));
			}
		}
	}

	private HttpResponse<String> send(String token, String method, String path, String body) {
		requests.incrementAndGet();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				Matcher type = PROBLEM_TYPE.matcher(response.body());
				failures.add(new Failure(System.nanoTime(), method + " " + path, response.statusCode(),
						type.find() ? type.group(1) : ""));
			}
			return response;
		}
		catch (IOException ex) {
			failures.add(new Failure(System.nanoTime(), method + " " + path, 0, ex.toString()));
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	long requests() {
		return requests.get();
	}

	long searches() {
		return searches.get();
	}

	List<Long> acknowledged() {
		return List.copyOf(acknowledged);
	}

	List<Failure> failures() {
		return List.copyOf(failures);
	}

	long failuresAfter(long nanoTime) {
		return failures.stream().filter(failure -> failure.atNanos() >= nanoTime).count();
	}

	/** The first few failures, for the report: status and request. */
	String sample() {
		return String.join("; ", failures.stream().limit(5).map(f -> f.status() + " " + f.request() + (f.problem().isEmpty() ? "" : " (" + f.problem() + ")")).toList());
	}

	@Override
	public void close() throws InterruptedException {
		running.set(false);
		for (Thread client : clients) {
			client.join();
		}
	}
}
