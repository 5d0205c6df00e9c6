package com.forum.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import com.forum.shared.Digests;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the benchmark's forum through the real write paths: every thread, reply, petition and vote is
 * a request to the running application's API, with a member's bearer token, so it is validated,
 * rendered, counted, indexed and published as a member's would be. Only the members themselves are
 * written in bulk (see {@link #writeMembers}).
 */
final class BenchSeeder {

	/** The password of every benchmark member (they sign in for the signed-in scenarios). */
	static final String PASSWORD = "bench members sign in with this";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String[] DEVICES = { "Xiaomi 17", "Xiaomi 17 Pro", "Xiaomi 17 Ultra", "Redmi K90",
			"Redmi Note 15 Pro", "Xiaomi 15", "Xiaomi Pad 7", "POCO F8" };

	private static final String[] TAGS = { "camera", "battery", "ui", "charging", "network", "display", "audio",
			"privacy", "相机", "续航", "系统" };

	private final String baseUrl;

	private final JdbcTemplate db;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final int concurrency;

	BenchSeeder(String baseUrl, JdbcTemplate db, int concurrency, PrintStream out) {
		this.baseUrl = baseUrl;
		this.db = db;
		this.concurrency = concurrency;
		this.out = out;
	}

	/** What a data set holds; {@link #scaled} keeps the proportions. */
	record Volume(int members, int threads, int replies, int petitions, int votes) {

		static final Volume FULL = new Volume(20_000, 10_000, 200_000, 5_000, 500_000);

		Volume scaled(double scale) {
			return new Volume(atLeast(members * scale, 50), atLeast(threads * scale, 20), atLeast(replies * scale, 400),
					atLeast(petitions * scale, 10), atLeast(votes * scale, 500));
		}

		private static int atLeast(double value, int minimum) {
			return Math.max(minimum, (int) Math.round(value));
		}

		@Override
		public String toString() {
			return "%,d members, %,d threads, %,d replies, %,d petitions, %,d votes".formatted(members, threads, replies,
					petitions, votes);
		}
	}

	/** A member the benchmark acts as. */
	record Member(long id, String username, String token) {
	}

	/**
	 * Writes the members straight into the database with a bearer token each: signing up through the API
	 * would spend the seeding hashing 20,000 Argon2 passwords and confirming 20,000 mailed links, and the
	 * benchmark measures the forum, not sign-up. They joined weeks ago, half of them read in Chinese. All
	 * share one password, hashed once as the application hashes passwords.
	 */
	List<Member> writeMembers(int count) throws InterruptedException {
		// the demo data (boards, staff) is written once the app is ready, which may be just after it
		// answers, and only into an empty forum: the members wait for it
		for (int wait = 0; getJson("/api/v1/boards").get("items").isEmpty(); wait++) {
			if (wait == 240) {
				throw new IllegalStateException("the app made no boards within 2 minutes (demo data)");
			}
			Thread.sleep(500);
		}
		String hash = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
		db.update("""
				insert into member (username, email, password_hash, role, created_at, language)
				select 'fan' || lpad(g::text, 6, '0'), 'fan' || g || '@bench.example', ?, 'MEMBER',
				       now() - interval '60 days' + g * interval '1 second',
				       case when g % 2 = 0 then 'zh-CN' else 'en' end
				from generate_series(1, ?) g""", hash, count);
		List<Long> ids = db.queryForList("select id from member where username like 'fan%' order by id", Long.class);
		java.security.SecureRandom random = new java.security.SecureRandom();
		List<Member> members = new ArrayList<>(ids.size());
		List<Object[]> tokens = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			String token = "fm_" + HexFormat.of().formatHex(randomBytes(random, 32));
			members.add(new Member(ids.get(i), "fan%06d".formatted(i + 1), token));
			tokens.add(new Object[] { sha256(token), ids.get(i) });
		}
		db.batchUpdate("""
				insert into access_token (token_hash, member_id, created_at, expires_at)
				values (?, ?, now(), now() + interval '365 days')""", tokens);
		return members;
	}

	static void saveMembers(List<Member> members, Path file) throws IOException {
		Files.write(file, members.stream().map(m -> m.id() + "\t" + m.username() + "\t" + m.token()).toList());
	}

	static List<Member> loadMembers(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(line -> line.split("\t")).map(f -> new Member(Long.parseLong(f[0]),
				f[1], f[2])).toList();
	}

	/** Threads, petitions, replies and votes, in that order, each phase with its own progress bar. */
	void seed(Volume volume, List<Member> members) throws InterruptedException {
		BenchContent content = new BenchContent(2026, false);
		JsonNode boards = getJson("/api/v1/boards").get("items");
		List<Long> boardIds = new ArrayList<>();
		boards.forEach(board -> boardIds.add(board.get("id").asLong()));
		SplittableRandom random = new SplittableRandom(42);
		AtomicLong author = new AtomicLong();

		// members take turns, so that no one posts in bursts the forum would refuse as spam
		IntFunction<Member> nextAuthor = i -> members.get((int) (author.getAndIncrement() % members.size()));


		long[] made = new long[volume.threads()];
		List<Call> threadCalls = new ArrayList<>();
		for (int i = 0; i < volume.threads(); i++) {
			int index = i;
			long board = boardIds.get(random.nextInt(boardIds.size()));
			String body = body(Map.of("boardId", board, "title", content.threadTitle(), "body", content.threadBody()));
			threadCalls.add(new Call("POST", "/api/v1/threads", nextAuthor.apply(i), body,
					response -> made[index] = response.get("id").asLong()));
		}
		run("threads", threadCalls);
		long[] threads = java.util.Arrays.stream(made).filter(id -> id > 0).toArray();

		List<Long> petitions = new ArrayList<>();
		List<Call> petitionCalls = new ArrayList<>();
		for (int i = 0; i < volume.petitions(); i++) {
			Map<String, Object> draft = new LinkedHashMap<>();
			draft.put("boardId", boardIds.get(random.nextInt(boardIds.size())));
			draft.put("title", content.petitionTitle());
			draft.put("description", content.petitionBody());
			draft.put("deviceModel", DEVICES[random.nextInt(DEVICES.length)]);
			draft.put("tags", List.of(TAGS[random.nextInt(TAGS.length)]));
			petitionCalls.add(new Call("POST", "/api/v1/petitions", nextAuthor.apply(i), body(draft), response -> {
				synchronized (petitions) {
					petitions.add(response.get("id").asLong());
				}
			}));
		}
		run("petitions", petitionCalls);

		// Four fifths of the replies spread evenly (6 to 26 per thread), the rest piles onto a few hot threads
		AtomicLongArray lastReply = new AtomicLongArray(threads.length);
		List<Call> replyCalls = new ArrayList<>(volume.replies());
		for (int i = 0; i < volume.replies(); i++) {
			int thread = i < volume.replies() * 4 / 5 ? random.nextInt(threads.length) : zipf(random, threads.length);
			String text = content.replyBody();
			boolean quotes = random.nextInt(20) == 0; // one reply in twenty quotes the latest one of its thread
			replyCalls.add(new Call("POST", "/api/v1/threads/" + threads[thread] + "/replies", nextAuthor.apply(i), () -> {
				long quoted = lastReply.get(thread);
				return quotes && quoted > 0 ? body(Map.of("body", text, "quotedReplyId", quoted))
						: body(Map.of("body", text));
			}, response -> lastReply.set(thread, response.get("id").asLong())));
		}
		shuffle(replyCalls, random);
		run("replies", replyCalls);

		// Each member votes on distinct petitions, popular ones more often (a long tail, as on a real forum)
		List<Call> voteCalls = new ArrayList<>(volume.votes());
		int perMember = Math.max(1, volume.votes() / members.size());
		int remaining = volume.votes();
		for (int m = 0; m < members.size() && remaining > 0; m++) {
			java.util.Set<Integer> chosen = new java.util.HashSet<>();
			int count = Math.min(remaining, m == members.size() - 1 ? remaining : perMember);
			while (chosen.size() < Math.min(count, petitions.size())) {
				chosen.add(zipf(random, petitions.size()));
			}
			for (int p : chosen) {
				voteCalls.add(new Call("PUT", "/api/v1/petitions/" + petitions.get(p) + "/vote", members.get(m),
						body(Map.of("deviceModel", DEVICES[random.nextInt(DEVICES.length)])), null));
			}
			remaining -= chosen.size();
		}
		shuffle(voteCalls, random);
		run("votes", voteCalls);
	}

	/** Waits until every event listener has handled every event (search indexing, points, notifications). */
	void awaitQuiet() throws InterruptedException {
		long first = outstanding();
		long started = System.nanoTime();
		while (true) {
			long left = outstanding();
			progress("events", first - left, first, started, 0);
			if (left == 0) {
				out.println();
				return;
			}
			Thread.sleep(1000);
		}
	}

	private long outstanding() {
		Long left = db.queryForObject("select count(*) from event_publication where completion_date is null",
				Long.class);
		return left == null ? 0 : left;
	}

	// ---------------------------------------------------------------- requests

	/** One request of the seeding; its body is made when it is sent, {@code then} reads its answer. */
	record Call(String method, String path, Member member, Supplier<String> body, Consumer<JsonNode> then) {

		Call(String method, String path, Member member, String body, Consumer<JsonNode> then) {
			this(method, path, member, () -> body, then);
		}
	}

	private void run(String phase, List<Call> calls) throws InterruptedException {
		Semaphore slots = new Semaphore(concurrency);
		AtomicLong done = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		long started = System.nanoTime();
		Thread bar = Thread.ofPlatform().daemon().start(() -> {
			try {
				while (!Thread.currentThread().isInterrupted()) {
					progress(phase, done.get(), calls.size(), started, failed.get());
					Thread.sleep(500);
				}
			}
			catch (InterruptedException stop) {
				// the phase is over
			}
		});
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Call call : calls) {
				slots.acquire();
				executor.submit(() -> {
					try {
						HttpResponse<String> response = send(call);
						if (response.statusCode() / 100 == 2) {
							if (call.then() != null) {
								call.then().accept(json.readTree(response.body()));
							}
						}
						else {
							failed.incrementAndGet();
							if (failures.size() < 5) {
								failures.add(call.method() + " " + call.path() + " -> " + response.statusCode() + " "
										+ abbreviate(response.body()));
							}
						}
					}
					catch (IOException | RuntimeException ex) {
						failed.incrementAndGet();
						if (failures.size() < 5) {
							failures.add(call.method() + " " + call.path() + " -> " + ex);
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					finally {
						done.incrementAndGet();
						slots.release();
					}
				});
				if (failed.get() > Math.max(20, calls.size() / 100)) {
					break;
				}
			}
		}
		bar.interrupt();
		bar.join();
		progress(phase, done.get(), calls.size(), started, failed.get());
		out.println();
		if (failed.get() > Math.max(20, calls.size() / 100)) {
			throw new IllegalStateException("Seeding " + phase + " failed " + failed.get() + " times, e.g. " + failures);
		}
		failures.forEach(failure -> out.println("  refused: " + failure));
	}

	private HttpResponse<String> send(Call call) throws IOException, InterruptedException {
		String body = call.body().get();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + call.member().token())
			.header("Accept", "application/json")
			.method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode getJson(String path) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
			}
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void progress(String phase, long done, long total, long startedNanos, long failed) {
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		double rate = done / Math.max(seconds, 0.001);
		int width = 30;
		int filled = total == 0 ? width : (int) (width * Math.min(done, total) / total);
		String left = rate > 0 && done < total ? " %s left".formatted(clock((total - done) / rate)) : "";
		out.printf("\r  %-9s [%s%s] %3d%% %,d/%,d  %,.0f/s  %s%s%s   ", phase, "#".repeat(filled),
				".".repeat(width - filled), total == 0 ? 100 : done * 100 / total, done, total, rate, clock(seconds),
				left, failed > 0 ? "  " + failed + " refused" : "");
		out.flush();
	}

	private static String clock(double seconds) {
		long s = Math.round(seconds);
		return s >= 60 ? "%dm%02ds".formatted(s / 60, s % 60) : s + "s";
	}

	static String body(Map<String, ?> fields) {
		return json.writeValueAsString(fields);
	}

	/** An index in [0, size) where low indexes are much likelier: Zipf-like, exponent about 1. */
	static int zipf(SplittableRandom random, int size) {
		double u = random.nextDouble();
		return (int) Math.min(size - 1, Math.floor(Math.pow(size + 1.0, u) - 1));
	}

	private static <T> void shuffle(List<T> list, SplittableRandom random) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			T t = list.get(i);
			list.set(i, list.get(j));
			list.set(j, t);
		}
	}

	private static String abbreviate(String text) {
		String flat = text == null ? "" : text.replaceAll("\\s+", " ");
		return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
	}

	private static byte[] randomBytes(java.security.SecureRandom random, int count) {
		byte[] bytes = new byte[count];
		random.nextBytes(bytes);
		return bytes;
	}

	static String sha256(String text) {
		return Digests.sha256Hex(text);
	}
}
