package com.forum.localservices;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.postgresql.Driver;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.forum.bench.LaunchBenchmark;
import com.forum.web.SeededMember;

/**
 * {@code ./forum cluster-proof}: the failover proofs of the cluster of {@code ./forum start --nodes}. It uses
 * the running cluster, or starts one and stops it at the end. Each scenario runs a bounded read/write load
 * through nginx ({@link ClusterLoad}) while one part fails, checks what users and the data saw, and prints
 * one line of figures; the lines go to {@code docs/performance/cluster-proof.md}. Exits 1 when a check fails.
 * <ul>
 * <li>{@code replica}: the PostgreSQL standby stops and comes back: reads fall back to the primary, no
 * request fails, every acknowledged write is in the database;</li>
 * <li>{@code search}: Elasticsearch node 2 stops and comes back: searches keep answering, the replies
 * written meanwhile are found in the index afterwards;</li>
 * <li>{@code app}: an app node is killed (SIGKILL): no request fails once nginx has left it out, every
 * acknowledged write is in the database and the index, a member signed in on that node stays signed in, and
 * no cluster job ran twice in one period (the {@code shedlock} rows, watched throughout);</li>
 * <li>{@code redis}: the Redis primary is killed (SIGKILL): the Sentinels promote the replica, requests
 * that need Redis pause and resume, every acknowledged write is in the database.</li>
 * </ul>
 */
public final class ClusterProof {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final String POSTS = "forum-posts";

	/** One scenario's outcome: its line of figures and whether every check held. */
	record Outcome(String scenario, boolean passed, String figures) {

		String line() {
			return (passed ? "PASS " : "FAIL ") + scenario + ": " + figures;
		}
	}

	private final LocalCluster cluster;

	private final JdbcTemplate db;

	private final Duration phase;

	private final List<String> tokens;

	private final long topicId;

	private ClusterProof(LocalCluster cluster, Duration phase) {
		this.cluster = cluster;
		this.phase = phase;
		this.db = new JdbcTemplate(new SimpleDriverDataSource(new Driver(), LocalCluster.jdbcUrl(), LocalCluster.dbUser(),
				LocalCluster.dbPassword()));
		this.topicId = db
			.queryForList("select id from topic where deleted_at is null and not locked order by id limit 1", Long.class)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No thread to reply to: the demo data is missing"));
		this.tokens = IntStream.range(0, 6).mapToObj(i -> SeededMember.create(db, "proof", "MEMBER", "none").token()).toList();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>(Map.of("nodes", "2", "seconds", "24", "only", "replica,search,app,redis"));
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length != 2 || !options.containsKey(pair[0])) {
				throw new IllegalArgumentException("Unknown option " + arg
						+ " (./forum cluster-proof [--nodes=2 --seconds=24 --only=replica,search,app,redis])");
			}
			options.put(pair[0], pair[1]);
		}
		int nodes = Integer.parseInt(options.get("nodes"));
		Set<String> only = Set.of(options.get("only").split(","));
		LocalCluster cluster = new LocalCluster(Path.of(""), nodes);
		Optional<ProcessHandle> owner = cluster.owner();
		if (owner.isPresent()) {
			say("using the running cluster (pid " + owner.get().pid() + ")");
		}
		else {
			say("starting a cluster of " + nodes + " nodes for the proof (stopped at the end) ...");
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
			cluster.start();
		}
		ClusterProof proof = new ClusterProof(cluster, Duration.ofSeconds(Long.parseLong(options.get("seconds")) / 3));
		List<Outcome> outcomes = new ArrayList<>();
		// the order of the brief: the cheapest proofs first
		for (String scenario : List.of("replica", "search", "app", "redis")) {
			if (!only.contains(scenario)) {
				continue;
			}
			say("scenario " + scenario + " ...");
			Outcome outcome = switch (scenario) {
				case "replica" -> proof.replicaStops();
				case "search" -> proof.searchNodeStops();
				case "app" -> proof.appNodeKilled();
				default -> proof.redisPrimaryKilled();
			};
			say(outcome.line());
			outcomes.add(outcome);
		}
		record(outcomes, nodes);
		boolean passed = outcomes.stream().allMatch(Outcome::passed);
		say(passed ? "every check held" : "a check failed");
		System.exit(passed ? 0 : 1);
	}

	// ---------------------------------------------------------------- c. the PostgreSQL replica stops

	private Outcome replicaStops() throws Exception {
		long before = replicaTransactions();
		long stoppedFor;
		long replicaReads;
		boolean streaming;
		try (ClusterLoad load = load("replica")) {
			Thread.sleep(phase);
			replicaReads = replicaTransactions() - before;
			long stopped = System.nanoTime();
			cluster.stopPostgresReplica();
			Thread.sleep(phase);
			cluster.startPostgresReplica();
			stoppedFor = (System.nanoTime() - stopped) / 1_000_000_000;
			streaming = awaitStreaming(Duration.ofSeconds(30));
			Thread.sleep(phase);
			load.close();
			long missing = missingInDatabase(load.acknowledged());
			// more than the counting query's own: the app read there, so stopping it tested the fallback
			boolean passed = load.failures().isEmpty() && missing == 0 && streaming && replicaReads > 1;
			return new Outcome("c. PostgreSQL replica stopped", passed, "stopped %d s under load; %d requests, %d not 2xx%s; %d writes acknowledged, %d missing in the database; %d transactions on the replica while the load ran before the stop (the app's reads there, with read routing); streaming again: %s"
				.formatted(stoppedFor, load.requests(), load.failures().size(), sample(load), load.acknowledged().size(),
						missing, replicaReads, streaming ? "yes" : "no"));
		}
	}

	private long replicaTransactions() {
		try {
			JdbcTemplate replica = new JdbcTemplate(new SimpleDriverDataSource(new Driver(), LocalCluster.replicaJdbcUrl(),
					LocalCluster.dbUser(), LocalCluster.dbPassword()));
			Long commits = replica.queryForObject(
					"select xact_commit + xact_rollback from pg_stat_database where datname = current_database()", Long.class);
			return commits == null ? 0 : commits;
		}
		catch (RuntimeException down) {
			return 0;
		}
	}

	private boolean awaitStreaming(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		// pg_stat_replication shows the state of a standby to superusers only
		JdbcTemplate admin = new JdbcTemplate(new SimpleDriverDataSource(new Driver(),
				LocalCluster.jdbcUrl().replaceFirst("/[^/]*$", "/postgres"), "postgres", ""));
		while (System.nanoTime() < deadline) {
			List<String> states = admin.queryForList("select state from pg_stat_replication where application_name = ?",
					String.class, LocalCluster.REPLICATION_SLOT);
			if (states.contains("streaming")) {
				return true;
			}
			Thread.sleep(200);
		}
		return false;
	}

	// ---------------------------------------------------------------- d. Elasticsearch node 2 stops

	private Outcome searchNodeStops() throws Exception {
		String replicas = ensureIndexReplicas();
		long stoppedFor;
		try (ClusterLoad load = load("search")) {
			Thread.sleep(phase);
			long stopped = System.nanoTime();
			cluster.elasticsearch(2).stop();
			String whileDown = cluster.searchHealth();
			Thread.sleep(phase);
			cluster.elasticsearch(2).start();
			stoppedFor = (System.nanoTime() - stopped) / 1_000_000_000;
			boolean green = searchStatus("green", Duration.ofSeconds(90));
			Thread.sleep(phase);
			load.close();
			long searchFailures = load.failures().stream().filter(f -> f.request().startsWith("GET /api/v1/search")).count();
			long missing = missingInDatabase(load.acknowledged());
			long notIndexed = notIndexed(load.acknowledged(), Duration.ofSeconds(30));
			boolean passed = load.failures().isEmpty() && missing == 0 && notIndexed == 0 && green;
			return new Outcome("d. Elasticsearch node 2 stopped", passed, "stopped %d s under load (cluster meanwhile: %s; %s); %d requests (%d searches), %d not 2xx (%d searches)%s; %d writes acknowledged, %d missing in the database, %d not in the index afterwards; green again: %s"
				.formatted(stoppedFor, whileDown, replicas, load.requests(), load.searches(), load.failures().size(),
						searchFailures, sample(load), load.acknowledged().size(), missing, notIndexed, green ? "yes" : "no"));
		}
	}

	/**
	 * The indexes need a copy of each shard on both nodes to lose one: what the prod profile's
	 * {@code FORUM_SEARCH_REPLICAS} sets. A build whose indexes have none gets one here, said in the figures.
	 */
	private String ensureIndexReplicas() throws Exception {
		String settings = LocalCluster.get(searchUrl() + "/forum-*/_settings/index.number_of_replicas").orElse("");
		if (!settings.contains("\"number_of_replicas\":\"0\"")) {
			return "every index had a replica already";
		}
		HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(searchUrl() + "/forum-*/_settings"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"index\":{\"number_of_replicas\":1}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (put.statusCode() != 200) {
			throw new IllegalStateException("Could not give the indexes a replica: " + put.body());
		}
		searchStatus("green", Duration.ofSeconds(120));
		return "the indexes had no replica (this build ignores FORUM_SEARCH_REPLICAS): the proof gave them one";
	}

	private static String searchUrl() {
		return "http://127.0.0.1:" + LocalCluster.ELASTICSEARCH_PORTS.get(0);
	}

	private static boolean searchStatus(String status, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (LocalCluster.get(searchUrl() + "/_cluster/health?wait_for_status=" + status + "&timeout=2s")
				.filter(body -> body.contains("\"status\":\"" + status + "\""))
				.isPresent()) {
				return true;
			}
			LocalProcesses.sleep(500);
		}
		return false;
	}

	/** Acknowledged replies the index does not hold, once it had {@code timeout} to catch up. */
	private long notIndexed(List<Long> replies, Duration timeout) throws Exception {
		if (replies.isEmpty()) {
			return 0;
		}
		String query = "{\"query\":{\"terms\":{\"replyId\":" + replies + "}}}";
		long deadline = System.nanoTime() + timeout.toNanos();
		long found = 0;
		while (true) {
			HTTP.send(HttpRequest.newBuilder(URI.create(searchUrl() + "/" + POSTS + "/_refresh"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding());
			HttpResponse<String> count = HTTP.send(HttpRequest.newBuilder(URI.create(searchUrl() + "/" + POSTS + "/_count"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(query))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher matcher = Pattern.compile("\"count\":(\\d+)").matcher(count.body());
			found = matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
			if (found >= replies.size() || System.nanoTime() > deadline) {
				return replies.size() - found;
			}
			Thread.sleep(500);
		}
	}

	// ---------------------------------------------------------------- a. an app node is killed

	private Outcome appNodeKilled() throws Exception {
		int victim = cluster.nodes();
		Map<String, String> session = signIn(victim);
		JobWatch jobs = new JobWatch(db);
		long killedAt;
		long pid;
		try (ClusterLoad load = load("app")) {
			Thread.sleep(phase);
			killedAt = System.nanoTime();
			pid = cluster.killApp(victim);
			Thread.sleep(phase);
			int signedIn = stillSignedIn(session, 10);
			cluster.startApp(victim);
			Thread.sleep(phase);
			load.close();
			jobs.close();
			long inFlight = load.failures().stream().filter(f -> f.atNanos() < killedAt + 1_000_000_000L).count();
			long afterwards = load.failuresAfter(killedAt + 1_000_000_000L);
			long missing = missingInDatabase(load.acknowledged());
			long notIndexedSoon = notIndexed(load.acknowledged(), Duration.ofSeconds(30));
			// the index writes the killed node had taken on but not sent are publications it never completed:
			// another node delivers them once they count as stuck (forum.events' stuck-after, 5 minutes)
			long started = System.nanoTime();
			long notIndexed = notIndexedSoon == 0 ? 0 : notIndexed(load.acknowledged(), Duration.ofMinutes(7));
			String caughtUp = notIndexedSoon == 0 ? ""
					: " (%d after 30 s, the killed node's deliveries taken over after %d s)".formatted(notIndexedSoon,
							(System.nanoTime() - started) / 1_000_000_000);
			boolean passed = afterwards == 0 && missing == 0 && notIndexed == 0 && signedIn == 10 && jobs.twice().isEmpty();
			return new Outcome("a. app node " + victim + " killed (kill -9)", passed, "pid %d killed under load; %d requests, %d not 2xx in the second of the kill (in flight on it) and %d afterwards%s; %d writes acknowledged, %d missing in the database, %d not in the index%s; signed in on it beforehand: %d of 10 requests afterwards still signed in; cluster jobs: %s"
				.formatted(pid, load.requests(), inFlight, afterwards, sample(load), load.acknowledged().size(), missing,
						notIndexed, caughtUp, signedIn, jobs.summary()));
		}
	}

	/** Signs the demo member in with the form on app node {@code node} itself; the session's cookies. */
	private static Map<String, String> signIn(int node) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		String page = client.send(HttpRequest.newBuilder(URI.create(LocalCluster.appUrl(node) + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"").matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the sign-in page of node " + node);
		}
		String form = "username=mifan&password=" + URLEncoder.encode("mifan-demo-2026", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		client.send(HttpRequest.newBuilder(URI.create(LocalCluster.appUrl(node) + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		Map<String, String> session = new LinkedHashMap<>();
		cookies.getCookieStore().getCookies().forEach(cookie -> session.put(cookie.getName(), cookie.getValue()));
		int status = accountPage(LocalCluster.appUrl(node), session);
		if (status != 200) {
			throw new IllegalStateException("Signing in as mifan on node " + node + " failed (account page: " + status + ")");
		}
		return session;
	}

	/** How many of {@code times} requests through nginx still find the member signed in. */
	private int stillSignedIn(Map<String, String> session, int times) throws Exception {
		int signedIn = 0;
		for (int i = 0; i < times; i++) {
			if (accountPage(cluster.baseUrl(), session) == 200) {
				signedIn++;
			}
		}
		return signedIn;
	}

	/** The account page answers 200 when signed in, a redirect to the sign-in page otherwise. */
	private static int accountPage(String base, Map<String, String> session) throws Exception {
		String cookie = session.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/account/security")).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * Watches the {@code shedlock} rows while the proof runs: every run of a cluster job takes its row
	 * ({@code locked_at}) and holds it until {@code lock_until}; a second run that began while the first still
	 * held the row would have run twice in one period.
	 */
	private static final class JobWatch implements AutoCloseable {

		private final Map<String, TreeMap<Long, Long>> runs = new TreeMap<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Thread thread;

		JobWatch(JdbcTemplate db) {
			thread = Thread.ofPlatform().daemon().name("job-watch").start(() -> {
				while (running.get()) {
					db.query("select name, locked_at, lock_until from shedlock", row -> {
						synchronized (runs) {
							runs.computeIfAbsent(row.getString(1), name -> new TreeMap<>())
								.put(row.getTimestamp(2).getTime(), row.getTimestamp(3).getTime());
						}
					});
					LocalProcesses.sleep(250);
				}
			});
		}

		/** Jobs with a run that began before the one before had let go of the row. */
		List<String> twice() {
			List<String> twice = new ArrayList<>();
			synchronized (runs) {
				runs.forEach((name, byStart) -> {
					Long heldUntil = null;
					for (Map.Entry<Long, Long> run : byStart.entrySet()) {
						if (heldUntil != null && run.getKey() < heldUntil) {
							twice.add(name);
						}
						heldUntil = run.getValue();
					}
				});
			}
			return twice;
		}

		String summary() {
			synchronized (runs) {
				int total = runs.values().stream().mapToInt(Map::size).sum();
				return "%d runs of %d jobs seen, %s".formatted(total, runs.size(),
						twice().isEmpty() ? "none twice in one period" : "twice in one period: " + twice());
			}
		}

		@Override
		public void close() throws InterruptedException {
			running.set(false);
			thread.join();
		}
	}

	// ---------------------------------------------------------------- b. the Redis primary is killed

	/**
	 * A launch sale through nginx ({@code ./forum bench-launch}'s fans): 3,000 members after 300 slots. A
	 * moment after they fire, the Redis primary is killed; the Sentinels promote the replica, the app nodes'
	 * admission answers 503 with Retry-After meanwhile and resumes on the new primary. Then no slot may be
	 * sold twice or beyond the stock, and {@code check-launches} (run with the cluster's settings) must find
	 * PostgreSQL and Redis agreeing.
	 */
	private Outcome redisPrimaryKilled() throws Exception {
		int primary = cluster.redisPrimaryPort().orElseThrow(() -> new IllegalStateException("No Sentinel names a primary"));
		int replica = LocalCluster.REDIS_PORTS.stream().filter(port -> port != primary).findFirst().orElseThrow();
		long[] promotedAfter = {-1};
		long[] killedAtMillis = {-1};
		Thread[] failover = new Thread[1];
		LaunchBenchmark sale = new LaunchBenchmark(db, null, null, LocalCluster.NGINX_PORT);
		Map.Entry<Long, LaunchBenchmark.Load> sold = sale.saleOnRunningApp(3_000, 300, fired -> {
			failover[0] = Thread.ofPlatform().start(() -> {
				LocalProcesses.sleep(150);
				cluster.killRedis(primary);
				long killed = System.nanoTime();
				killedAtMillis[0] = (killed - fired) / 1_000_000;
				long deadline = killed + Duration.ofSeconds(30).toNanos();
				while (System.nanoTime() < deadline) {
					if (cluster.redisPrimaryPort().orElse(primary) == replica
							&& LocalCluster.redisRole(replica).equals("role:master")) {
						promotedAfter[0] = (System.nanoTime() - killed) / 1_000_000;
						return;
					}
					LocalProcesses.sleep(100);
				}
			});
		});
		failover[0].join();
		// the old primary comes back as a replica of the new one
		cluster.startRedisReplica(primary, replica);
		long launch = sold.getKey();
		LaunchBenchmark.Load fans = sold.getValue();
		Map<String, Object> row = db.queryForMap("""
				select l.slots, l.taken,
				       (select count(*) from launch_reservation r where r.launch_id = l.id and r.state in ('PENDING', 'CONFIRMED'))
				           as active,
				       (select count(*) from (select member_id from launch_reservation r where r.launch_id = l.id
				                              and r.state in ('PENDING', 'CONFIRMED') group by member_id having count(*) > 1) twice)
				           as twice
				from launch l where l.id = ?""", launch);
		long slots = ((Number) row.get("slots")).longValue();
		long active = ((Number) row.get("active")).longValue();
		long twice = ((Number) row.get("twice")).longValue();
		// the nodes reconcile the launches when their Redis connection comes back; give that a moment
		LocalCluster.CommandResult check = cluster.runCommand("check-launches");
		int checks = 1;
		while (check.exitCode() != 0 && checks < 3) {
			LocalProcesses.sleep(5_000);
			check = cluster.runCommand("check-launches");
			checks++;
		}
		String launchLine = check.output()
			.lines()
			.filter(line -> line.startsWith("launch " + launch + " "))
			.findFirst()
			.orElse("(no line for launch " + launch + ")");
		long first503 = fans.get("first503");
		long last503 = fans.get("last503");
		boolean passed = promotedAfter[0] >= 0 && active <= slots && twice == 0 && check.exitCode() == 0
				&& fans.get("membersTwice") == 0;
		return new Outcome("b. Redis primary " + primary + " killed (kill -9) during a launch sale", passed,
				"killed %d ms after %d members fired at %d slots; replica %d promoted by the Sentinels after %s; admission paused (503 + Retry-After) from +%d ms to +%d ms, then resumed; %d attempts, %d reserved, %d sold out, %d unavailable, %d errors%s; PostgreSQL: %d active reservations of %d slots, %d members twice; check-launches (run %d time(s)) exit %d: %s; old primary back as %s"
					.formatted(killedAtMillis[0], fans.get("members"), slots, replica,
							promotedAfter[0] < 0 ? "never (30 s)" : promotedAfter[0] + " ms", first503 / 1_000_000,
							last503 / 1_000_000, fans.attempts(), fans.get("created"), fans.get("soldOut"),
							fans.get("unavailable"), fans.get("errors"),
							fans.others().isEmpty() ? "" : " (others " + fans.others() + ")", active, slots, twice,
							checks, check.exitCode(), launchLine.strip(), LocalCluster.redisRole(primary)));
	}

	// ---------------------------------------------------------------- shared

	private ClusterLoad load(String scenario) {
		// a word of letters only, so the search analysis keeps it whole
		String word = "proof" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 6) + scenario;
		return new ClusterLoad(cluster.baseUrl(), tokens, topicId, word, Duration.ofMillis(40));
	}

	private long missingInDatabase(List<Long> replies) {
		if (replies.isEmpty()) {
			return 0;
		}
		Long found = db.execute((java.sql.Connection connection) -> {
			Array ids = connection.createArrayOf("bigint", replies.toArray());
			try (var statement = connection.prepareStatement("select count(*) from reply where id = any(?)")) {
				statement.setArray(1, ids);
				try (var result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
		});
		return replies.size() - (found == null ? 0 : found);
	}

	private static String sample(ClusterLoad load) {
		return load.failures().isEmpty() ? "" : " (" + load.sample() + ")";
	}

	/** The latest figures, with the date and the machine, in docs/performance/cluster-proof.md. */
	private static void record(List<Outcome> outcomes, int nodes) throws IOException {
		Path file = Path.of("docs/performance/cluster-proof.md");
		Files.createDirectories(file.getParent());
		String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
		StringBuilder text = new StringBuilder("""
				# Cluster proof

				The latest `./forum cluster-proof` (rewritten by every run, which keeps the lines of scenarios it left
				out): %s, %d app nodes behind nginx, %d cores,
				everything on loopback (see `./forum start --nodes`). Scenarios c, d and a drive a bounded read/write
				load through nginx (6 members, each reading a thread, its replies, a search or the home page and
				writing a reply in three requests of ten, 40 ms apart) while one part fails; scenario b is a launch
				sale through nginx (`./forum bench-launch`'s fans: 3,000 members after 300 slots, three more tries
				each when refused). A figure of "not 2xx" counts every answer a user would have seen as an error.

				""".formatted(date, nodes, Runtime.getRuntime().availableProcessors()));
		// a run of some scenarios (--only) keeps the latest lines of the others, each with its own date
		Map<String, String> lines = new TreeMap<>((a, b) -> Integer.compare("cdab".indexOf(a), "cdab".indexOf(b)));
		if (Files.isRegularFile(file)) {
			Files.readAllLines(file)
				.stream()
				.filter(line -> line.matches("- \\*\\*(pass|FAIL)\\*\\* [cdab]\\. .*"))
				.forEach(line -> lines.put(line.substring(line.indexOf("** ") + 3, line.indexOf("** ") + 4), line));
		}
		for (Outcome outcome : outcomes) {
			lines.put(outcome.scenario().substring(0, 1), "- **" + (outcome.passed() ? "pass" : "FAIL") + "** "
					+ outcome.scenario() + " (" + date + "): " + outcome.figures());
		}
		lines.values().forEach(line -> text.append(line).append('\n'));
		text.append("""

				Limits of this rig: Elasticsearch has one master-eligible node (node 1) so that losing node 2 keeps a
				master; two master-eligible nodes cannot lose either (no majority of two), and a real deployment
				wants three. PostgreSQL has no automatic failover of its primary here: the standby serves reads.
				""");
		Files.writeString(file, text.toString());
		say("figures written to " + file);
	}

	private static void say(String message) {
		System.out.println("forum: " + message);
	}
}
