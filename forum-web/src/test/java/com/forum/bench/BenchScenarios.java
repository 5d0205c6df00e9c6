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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.bench.BenchSeeder.Member;

/**
 * The scenarios of {@code ./forum bench}: what each one requests (written to a file that wrk's script,
 * {@code config/bench/requests.lua}, walks through), how to tell it works before it is measured, and
 * what must hold afterwards.
 */
final class BenchScenarios {

	private static final Pattern RESULT = Pattern.compile(
			"BENCH requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) connect=(\\d+) read=(\\d+) "
					+ "write=(\\d+) status=(\\d+) timeout=(\\d+)");

	private static final Path SCRIPT = Path.of("config", "bench", "requests.lua");

	/** One request: {@code {n}} in the body becomes a number no other request of the run uses. */
	record Line(String method, String path, Map<String, String> headers, String body) {

		static Line get(String path, Map<String, String> headers) {
			return new Line("GET", path, headers, "");
		}

		String write() {
			String head = headers.entrySet()
				.stream()
				.map(e -> e.getKey() + ": " + e.getValue())
				.collect(Collectors.joining("\u001f"));
			return method + "\t" + path + "\t" + head + "\t" + body;
		}
	}

	/**
	 * @param expect text the answer must hold when the scenario is checked (null: any success)
	 */
	record Scenario(String name, Path requests, String expect) {
	}

	record Check(boolean ok, String problem) {
	}

	/** Where the runs send their requests; {@link #aimAt} moves them (the scenarios stay the same). */
	private String baseUrl;

	private final JdbcTemplate db;

	private final List<Member> members;

	private final Path dir;

	private final int seconds;

	private final PrintStream out;

	private final SplittableRandom random = new SplittableRandom(5);

	private final HttpClient http = HttpClient.newHttpClient();

	private long hotPetition;

	private long probeThread;

	private final List<Scenario> all = new ArrayList<>();

	BenchScenarios(String baseUrl, JdbcTemplate db, List<Member> members, Path dir, int seconds, PrintStream out)
			throws IOException, InterruptedException {
		this.baseUrl = baseUrl;
		this.db = db;
		this.members = members;
		this.dir = dir;
		this.seconds = seconds;
		this.out = out;
		Files.createDirectories(dir);
		build();
	}

	List<Scenario> all() {
		return all;
	}

	/** Sends the next runs to another address serving the same data (another node, a balancer). */
	void aimAt(String otherBaseUrl) {
		this.baseUrl = otherBaseUrl;
	}

	private void build() throws IOException, InterruptedException {
		// threads whose first page is full: 20 replies under the opening post
		List<Long> threads = db.queryForList("""
				select id from topic where deleted_at is null and reply_count >= 20 order by id limit 500""", Long.class);
		List<String> boards = db.queryForList("select slug from board order by id", String.class);
		List<Long> boardIds = db.queryForList("select id from board order by id", Long.class);
		probeThread = threads.get(0);
		hotPetition = db.queryForObject("select id from petition order by vote_count desc, id limit 1", Long.class);
		BenchContent content = new BenchContent(99, false);
		List<String> english = content.englishQueries(50);
		List<String> chinese = content.chineseQueries(50);
		List<String> sessions = ForumBenchmark.sessions(baseUrl, members.subList(0, Math.min(64, members.size())));
		Map<String, String> json = Map.of("Accept", "application/json");

		List<Line> threadPages = threads.stream().map(id -> Line.get("/threads/" + id, Map.of())).toList();
		add("thread page, anonymous", threadPages, "</html>");
		List<Line> signedIn = new ArrayList<>();
		for (int i = 0; i < threads.size(); i++) {
			signedIn.add(Line.get("/threads/" + threads.get(i), Map.of("Cookie", sessions.get(i % sessions.size()))));
		}
		add("thread page, signed in", signedIn, "/logout");
		List<Line> threadJson = threads.stream()
			.map(id -> Line.get("/api/v1/threads/" + id + "/replies?size=20", json))
			.toList();
		add("thread replies JSON", threadJson, "\"items\"");
		add("board listing", boards.stream().map(slug -> Line.get("/boards/" + slug, Map.of())).toList(), "</html>");
		add("home page", List.of(Line.get("/", Map.of())), "</html>");
		add("petitions by votes", List.of(Line.get("/petitions?sort=top", Map.of())), "</html>");
		add("search, English", english.stream().map(q -> Line.get("/api/v1/search?q=" + ForumBenchmark.encode(q), json))
			.toList(), "\"totalItems\"");
		add("search, Chinese", chinese.stream().map(q -> Line.get("/api/v1/search?q=" + ForumBenchmark.encode(q), json))
			.toList(), "\"totalItems\"");
		List<Line> faceted = new ArrayList<>();
		for (int i = 0; i < english.size(); i++) {
			String q = (i % 2 == 0 ? english : chinese).get(i);
			faceted.add(Line.get("/api/v1/search?q=" + ForumBenchmark.encode(q) + "&boardId="
					+ boardIds.get(i % boardIds.size()) + "&sort=newest", json));
		}
		add("search, faceted", faceted, "\"totalItems\"");
		List<Line> signIns = members.stream()
			.limit(2000)
			.map(m -> new Line("POST", "/api/v1/auth/tokens", Map.of("Content-Type", "application/json"),
					BenchSeeder.body(Map.of("username", m.username(), "password", BenchSeeder.PASSWORD))))
			.toList();
		add("sign in", signIns, "\"token\"");
		List<Line> replies = replies(threads, content, 5000);
		add("create reply", replies, "\"id\"");
		List<Line> votes = votes();
		add("vote, hot petition", votes, "\"votes\"");
		List<Line> mix = new ArrayList<>();
		List<List<Line>> reads = List.of(threadPages, threadJson, signedIn,
				boards.stream().map(slug -> Line.get("/boards/" + slug, Map.of())).toList(),
				List.of(Line.get("/", Map.of())), List.of(Line.get("/petitions?sort=top", Map.of())));
		List<Line> writes = new ArrayList<>(replies(threads, content, 200));
		writes.addAll(votes);
		for (int i = 0; i < 4000; i++) {
			if (i % 20 == 19) {
				mix.add(writes.get(random.nextInt(writes.size())));
			}
			else {
				List<Line> kind = reads.get(random.nextInt(reads.size()));
				mix.add(kind.get(random.nextInt(kind.size())));
			}
		}
		add("mix 95% read, 5% write", mix, null);
	}

	private List<Line> replies(List<Long> threads, BenchContent content, int count) {
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Member author = members.get(random.nextInt(members.size()));
			String body = BenchSeeder.body(Map.of("body", content.replyBody() + "\n\n({n})"));
			lines.add(new Line("POST", "/api/v1/threads/" + threads.get(i % threads.size()) + "/replies",
					Map.of("Content-Type", "application/json", "Authorization", "Bearer " + author.token()), body));
		}
		return lines;
	}

	/** Every member votes for the hot petition, then every member takes the vote back, and round again. */
	private List<Line> votes() {
		List<Line> lines = new ArrayList<>();
		for (String method : List.of("PUT", "DELETE")) {
			for (Member member : members) {
				lines.add(new Line(method, "/api/v1/petitions/" + hotPetition + "/vote",
						Map.of("Content-Type", "application/json", "Authorization", "Bearer " + member.token()),
						method.equals("PUT") ? "{\"deviceModel\":\"Xiaomi 17\"}" : ""));
			}
		}
		return lines;
	}

	private void add(String name, List<Line> lines, String expect) throws IOException {
		Path file = dir.resolve(name.replaceAll("[^a-zA-Z0-9]+", "-") + ".txt");
		Files.write(file, lines.stream().map(Line::write).toList(), StandardCharsets.UTF_8);
		all.add(new Scenario(name, file, expect));
	}

	/** Sends the scenario's first requests once: each must succeed, and show what the scenario is about. */
	Check check(Scenario scenario) throws IOException, InterruptedException {
		List<String> lines = Files.readAllLines(scenario.requests());
		for (String line : lines.subList(0, Math.min(3, lines.size()))) {
			HttpResponse<String> response = send(line);
			if (response.statusCode() / 100 != 2) {
				return new Check(false, describe(line, response));
			}
			if (scenario.expect() != null && !response.body().contains(scenario.expect())) {
				return new Check(false, line.split("\t")[1] + " does not show " + scenario.expect());
			}
		}
		return new Check(true, null);
	}

	/** After a run with errors: what 30 of its requests, sent again, answer (statuses, and the first failure). */
	String errorSample(Scenario scenario) throws IOException, InterruptedException {
		List<String> lines = Files.readAllLines(scenario.requests());
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		String first = null;
		for (int i = 0; i < 30; i++) {
			String line = lines.get(random.nextInt(lines.size()));
			HttpResponse<String> response = send(line);
			statuses.merge(response.statusCode(), 1, Integer::sum);
			if (first == null && response.statusCode() / 100 != 2) {
				first = describe(line, response);
			}
		}
		return "30 of its requests sent again answered " + statuses + (first == null ? "" : "; e.g. " + first);
	}

	private HttpResponse<String> send(String line) throws IOException, InterruptedException {
		String[] fields = line.split("\t", -1);
		String body = fields[3].replace("{n}", String.valueOf(random.nextLong(1L << 40)));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + fields[1]))
			.method(fields[0], body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (!fields[2].isEmpty()) {
			for (String header : fields[2].split("\u001f")) {
				int colon = header.indexOf(':');
				request.header(header.substring(0, colon), header.substring(colon + 1).strip());
			}
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String describe(String line, HttpResponse<String> response) {
		String[] fields = line.split("\t", -1);
		String body = response.body().replaceAll("\\s+", " ");
		return fields[0] + " " + fields[1] + " answered " + response.statusCode() + ": "
				+ body.substring(0, Math.min(300, body.length()));
	}

	/** A few seconds of the scenario first, so that the measured runs meet a warm JIT and warm caches. */
	void warmUp(Scenario scenario) throws IOException, InterruptedException {
		wrk(scenario, 64, Math.min(5, seconds));
	}

	ScenarioResult run(Scenario scenario, int connections, Duration cpuBefore, Supplier<Duration> cpuNow)
			throws IOException, InterruptedException {
		Matcher m = wrk(scenario, connections, seconds);
		Duration cpu = cpuNow.get().minus(cpuBefore);
		long requests = Long.parseLong(m.group(1));
		long errors = 0;
		for (int group = 5; group <= 9; group++) {
			errors += Long.parseLong(m.group(group));
		}
		return new ScenarioResult(scenario.name(), connections, requests, Long.parseLong(m.group(2)) / 1e6,
				Long.parseLong(m.group(3)) / 1000.0, Long.parseLong(m.group(4)) / 1000.0, errors,
				requests == 0 ? 0 : cpu.toNanos() / 1e9 / requests * 1000);
	}

	private Matcher wrk(Scenario scenario, int connections, int duration) throws IOException, InterruptedException {
		List<String> command = List.of("wrk", "-t", String.valueOf(Math.min(2, connections)), "-c",
				String.valueOf(connections), "-d", duration + "s", "--timeout", "10s", "-s", SCRIPT.toString(), baseUrl,
				"--", scenario.requests().toString(), Long.toString(System.nanoTime(), 36));
		Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		wrk.waitFor();
		Matcher m = RESULT.matcher(output);
		if (!m.find()) {
			throw new IllegalStateException("wrk printed no result for " + scenario.name() + ":\n" + output);
		}
		return m;
	}

	/**
	 * While replies are being created under load, posts a reply with a word of its own every half second
	 * and times how long until search finds it: replies must be searchable within a second.
	 */
	final class SearchProbe implements AutoCloseable {

		private final List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());

		private final Thread thread;

		private volatile boolean running = true;

		SearchProbe(long threadId) {
			Member author = members.get(members.size() - 1);
			thread = Thread.ofPlatform().daemon().start(() -> {
				SplittableRandom letters = new SplittableRandom();
				while (running) {
					String word = "probe" + letters.ints(10, 'a', 'z' + 1)
						.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
					try {
						HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
								URI.create(baseUrl + "/api/v1/threads/" + threadId + "/replies"))
							.header("Content-Type", "application/json")
							.header("Authorization", "Bearer " + author.token())
							.POST(HttpRequest.BodyPublishers.ofString(
									BenchSeeder.body(Map.of("body", "Search probe " + word + "."))))
							.build(), HttpResponse.BodyHandlers.ofString());
						long postedAt = System.nanoTime();
						if (posted.statusCode() != 201) {
							Thread.sleep(500);
							continue;
						}
						while (running && System.nanoTime() - postedAt < 10_000_000_000L) {
							String found = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/search?q=" + word))
								.build(), HttpResponse.BodyHandlers.ofString()).body();
							if (!found.contains("\"totalItems\":0")) {
								millis.add((System.nanoTime() - postedAt) / 1_000_000);
								break;
							}
							Thread.sleep(20);
						}
						Thread.sleep(500);
					}
					catch (IOException ex) {
						// the app is busy; try again
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
		}

		@Override
		public void close() throws InterruptedException {
			running = false;
			thread.join(15_000);
		}

		String summary() {
			List<Long> sorted = millis.stream().sorted().toList();
			if (sorted.isEmpty()) {
				return "searchable: no probe reply was found by search within 10 s";
			}
			return "searchable after (%d probes during the runs): median %d ms, slowest %d ms".formatted(sorted.size(),
					sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
		}
	}

	SearchProbe probe() {
		return new SearchProbe(probeThread);
	}

	/** What must hold after a scenario: the hot petition's count equals its votes, to the vote. */
	String afterwards(Scenario scenario) throws InterruptedException {
		if (!scenario.name().startsWith("vote") && !scenario.name().startsWith("mix")) {
			return null;
		}
		long facts = 0;
		long tallied = 0;
		long listed = 0;
		for (int attempt = 0; attempt < 30; attempt++) {
			facts = count("select count(*) from petition_vote where petition_id = ?");
			tallied = count("select coalesce(sum(votes), 0) from petition_vote_tally where petition_id = ?");
			listed = count("select vote_count from petition where id = ?");
			if (facts == tallied && facts == listed) {
				return "votes exact: the hot petition holds %,d votes, its tally and its listed count agree"
					.formatted(facts);
			}
			Thread.sleep(1000); // the listed count is folded from the tally every few seconds
		}
		return "votes MISMATCH: %,d votes, tally %,d, listed %,d".formatted(facts, tallied, listed);
	}

	private long count(String sql) {
		Long n = db.queryForObject(sql, Long.class, hotPetition);
		return n == null ? 0 : n;
	}
}
