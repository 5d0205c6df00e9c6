package com.forum.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.forum.localservices.LocalServices;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application runs in a JVM of its own and is killed with SIGKILL while it is delivering events;
 * a fresh JVM then takes over. Nothing may be lost (every thread indexed, every recipient told, every
 * e-mail sent) and nothing done twice (one notification and one e-mail per recipient and event).
 * <p>
 * The children use a schema, a Redis database and index names of their own in the services this
 * JVM started: the shared test context (another node on the same data) would otherwise retry their
 * failed deliveries itself and the restart would have nothing left to recover.
 */
@IntegrationTest
class CrashRecoveryIntegrationTest {

	private static final int THREADS = 24;

	private static final int VOTERS = 100;

	private static final int FOLLOWERS = 10;

	/** Status changes, each with a response and followed by an official response that changes nothing. */
	private static final List<String> STATUSES = List.of("under_review", "planned", "in_progress", "planned",
			"in_progress");

	private static final Duration STARTUP = Duration.ofSeconds(180);

	/** The shared test database: used only to make and drop the children's schema. */
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aNodeKilledMidDeliveryLeavesEveryEffectToBeDoneExactlyOnceAfterRestart() throws Exception {
		LocalServices services = LocalServices.current().orElseThrow();
		String schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Path work = Files.createDirectories(Path.of("target", "crash-recovery", schema)).toAbsolutePath();
		Map<String, Object> connection = new LinkedHashMap<>(services.connectionProperties());
		String url = connection.get("spring.datasource.url") + "?currentSchema=" + schema;
		connection.put("spring.datasource.url", url);
		// the test services' replica reads the shared schema: the children read their own on the primary
		connection.put("forum.datasource.replica.url", "");
		connection.put("spring.data.redis.database", 7);
		connection.put("forum.search.index-prefix", schema);
		connection.put("forum.mail.sink-file", work.resolve("outgoing.log"));
		jdbc.execute("create schema " + schema);
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url,
				(String) connection.get("spring.datasource.username"),
				(String) connection.get("spring.datasource.password"), true);
		JdbcTemplate db = new JdbcTemplate(dataSource);
		List<Child> children = new ArrayList<>();
		try {
			// The first node cannot reach Elasticsearch: every indexing delivery fails and stays owed.
			// Its retries back off further than in the other tests, so that however slowly this machine
			// runs, they do not reach the bound and get abandoned before the kill.
			Map<String, Object> first = new LinkedHashMap<>(connection);
			first.put("forum.search.urls", "http://127.0.0.1:" + freePort());
			first.put("forum.events.max-backoff", "30s");
			long firstStarted = System.nanoTime();
			Child crashing = start("first", first, work, children);
			ApiClient api = crashing.awaitAnswering();
			long firstAnswered = System.nanoTime();

			Seed seed = seed(db);
			Response submitted = api.post("/api/v1/petitions", Map.of("boardId", seed.board(), "title",
					"Crash-proof notifications", "description", "Tell every backer once, crash or not.", "tags",
					List.of("ideas")), seed.author());
			assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
			long petition = submitted.json().get("id").asLong();
			String word = "zk" + schema.substring(6);
			Set<Long> threads = ConcurrentHashMap.newKeySet();
			try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
				awaitAll(pool, seed.voters(), token -> api.put("/api/v1/petitions/" + petition + "/vote", Map.of(), token),
						200);
				awaitAll(pool, seed.followers(), token -> api.put("/api/v1/petitions/" + petition + "/subscription",
						Map.of("mode", "follow"), token), 200);

				// the burst: threads to index, and status changes and responses that fan out to every backer
				List<Future<?>> burst = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					int n = i;
					burst.add(pool.submit(() -> {
						// spread over a few backers: one member's threads a day are limited by their level
						Response created = api.post("/api/v1/threads", Map.of("boardId", seed.board(), "title",
								"Crash thread " + n + " " + word, "body", "Written just before the crash " + word),
								seed.voters().get(n % 4));
						assertThat(created.status()).as(created.body()).isEqualTo(201);
						threads.add(created.json().get("id").asLong());
					}));
				}
				// one after the other: concurrent staff actions on one petition conflict
				burst.add(pool.submit(() -> {
					for (int round = 0; round < STATUSES.size(); round++) {
						Response changed = api.post("/api/v1/petitions/" + petition + "/status", Map.of("status",
								STATUSES.get(round), "response", "Change " + round + ": " + STATUSES.get(round)),
								seed.employee());
						assertThat(changed.status()).as(changed.body()).isEqualTo(200);
						Response responded = api.post("/api/v1/petitions/" + petition + "/responses",
								Map.of("response", "Official word " + round), seed.employee());
						assertThat(responded.status()).as(responded.body()).isEqualTo(201);
					}
				}));
				for (Future<?> request : burst) {
					request.get(120, TimeUnit.SECONDS);
				}
			}

			long burstDone = System.nanoTime();
			crashing.process().destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
			assertThat(crashing.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
			// the dead node changes nothing any more: this is exactly what it left owed
			Map<String, Long> owedByStatus = countBy(db, "status");
			Map<String, Long> owedByListener = countBy(db,
					"substring(listener_id from '([A-Za-z]+)\\.[a-z]+\\(') || ' ' || coalesce(status, '?')");
			long sendingMail = db.queryForObject("""
					select count(*) from event_publication
					where listener_id like '%MailSender%' and status = 'PROCESSING'""", Long.class);
			long owedAtKill = owedByStatus.values().stream().mapToLong(Long::longValue).sum();
			System.out.printf("first node answered after %d ms; work sent in %d ms; killed with %d deliveries owed: %s; "
					+ "by listener: %s%n", Duration.ofNanos(firstAnswered - firstStarted).toMillis(),
					Duration.ofNanos(burstDone - firstAnswered).toMillis(), owedAtKill, owedByStatus, owedByListener);
			assertThat(owedAtKill).as("deliveries owed when the node was killed").isPositive();

			long restartedAt = System.nanoTime();
			Map<String, Object> second = new LinkedHashMap<>(connection);
			second.put("forum.events.stuck-after", "3s");
			ApiClient restartedApi = start("restarted", second, work, children).awaitAnswering();
			long answeringAfter = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();
			Duration drained = Await.until(Duration.ofSeconds(120),
					() -> db.queryForObject("select count(*) from event_publication", Long.class) == 0);

			assertThat(db.queryForObject("select count(*) from event_publication_abandoned", Long.class))
				.as("abandoned deliveries")
				.isZero();
			// indexed already; the wait only covers Elasticsearch's refresh interval
			Await.until(Duration.ofSeconds(30), () -> {
				Response hits = restartedApi.get("/api/v1/search?size=100&q=" + word, null);
				return hits.status() == 200 && hits.json().get("totalItems").asLong() == THREADS;
			});
			List<Long> found = new ArrayList<>();
			restartedApi.get("/api/v1/search?size=100&q=" + word, null)
				.json()
				.get("items")
				.forEach(hit -> found.add(hit.get("threadId").asLong()));
			assertThat(found).as("threads found by search").containsExactlyInAnyOrderElementsOf(threads);

			PetitionFanOut fanOut = new PetitionFanOut(db, petition);
			List<String> events = fanOut.notifiedEvents();
			assertThat(events).as("one notifier publication per status change and response")
				.hasSize(2 * STATUSES.size())
				.doesNotHaveDuplicates();
			fanOut.assertEveryRecipientToldOncePerEvent(seed.recipients(), events);
			// only a message in the middle of being sent when the node died may have gone out twice
			Map<String, Long> timesSent = fanOut.timesSent(MailSinkFile.sentCounts(work.resolve("outgoing.log")));
			assertThat(timesSent).allSatisfy((mail, times) -> assertThat(times).as(mail).isBetween(1L, 2L));
			long sentTwice = timesSent.values().stream().filter(times -> times == 2).count();
			assertThat(sentTwice).as("e-mails sent twice").isLessThanOrEqualTo(sendingMail);

			System.out.printf(
					"restart answered after %d ms and had delivered everything %d ms later (%d ms after it began): "
							+ "%d threads indexed, %d notifications and %d e-mails (%d sent twice, %d mail deliveries "
							+ "were in flight at the kill)%n",
					answeringAfter, drained.toMillis(), Duration.ofNanos(System.nanoTime() - restartedAt).toMillis(),
					threads.size(), seed.recipients().size() * events.size(), timesSent.size(), sentTwice, sendingMail);
		}
		finally {
			children.forEach(Child::stop);
			dataSource.destroy();
			try {
				jdbc.execute("drop schema " + schema + " cascade");
			}
			catch (RuntimeException ex) {
				System.out.printf("could not drop schema %s: %s%n", schema, ex.getMessage());
			}
		}
	}

	/**
	 * The application's main class in a new JVM with this JVM's class path (under Surefire a jar whose
	 * manifest lists the real one), output to a log file next to the mail sink.
	 */
	private static Child start(String name, Map<String, Object> properties, Path work, List<Child> children)
			throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"com.forum.ForumApplication", "--spring.profiles.active=test", "--forum.local-services.enabled=false",
				"--forum.demo-data.enabled=false", "--server.port=" + port));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = work.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// should this JVM be stopped before the test's own clean-up runs, the child goes with it
		Thread reaper = new Thread(process::destroyForcibly);
		Runtime.getRuntime().addShutdownHook(reaper);
		Child child = new Child(process, port, log, reaper);
		children.add(child);
		return child;
	}

	private record Child(Process process, int port, Path log, Thread reaper) {

		/** Waits until it serves requests. */
		ApiClient awaitAnswering() {
			ApiClient api = new ApiClient(port);
			Await.until(STARTUP, () -> {
				if (!process.isAlive()) {
					throw new AssertionError("The child JVM exited with " + process.exitValue() + ":\n" + tail(log));
				}
				try {
					return api.get("/api/v1/boards", null).status() == 200;
				}
				catch (IllegalStateException notYet) {
					return false;
				}
			});
			return api;
		}

		void stop() {
			process.destroyForcibly();
			try {
				process.waitFor(30, TimeUnit.SECONDS);
				Runtime.getRuntime().removeShutdownHook(reaper);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IllegalStateException shuttingDown) {
				// the hook runs anyway, and finds the child gone
			}
		}
	}

	/**
	 * What the work needs besides the API, written straight into the empty schema: a board, an
	 * employee, the petition's author and its backers.
	 */
	private static Seed seed(JdbcTemplate db) {
		long board = db.queryForObject("""
				insert into board (slug, name, description, kind, position)
				values ('crash', 'Crash', 'Where the crash test writes', 'DISCUSSION', 1) returning id""", Long.class);
		SeededMember employee = SeededMember.create(db, "staff", "EMPLOYEE");
		SeededMember author = SeededMember.create(db, "author", "MEMBER");
		Set<Long> recipients = new HashSet<>(Set.of(author.id()));
		List<String> voters = new ArrayList<>();
		List<String> followers = new ArrayList<>();
		for (int i = 0; i < VOTERS + FOLLOWERS; i++) {
			SeededMember backer = SeededMember.create(db, i < VOTERS ? "voter" : "follower", "MEMBER");
			(i < VOTERS ? voters : followers).add(backer.token());
			recipients.add(backer.id());
		}
		return new Seed(board, employee.token(), author.token(), voters, followers, recipients);
	}

	private record Seed(long board, String employee, String author, List<String> voters, List<String> followers,
			Set<Long> recipients) {
	}

	private static void awaitAll(ExecutorService pool, List<String> tokens,
			Function<String, Response> request, int status) throws Exception {
		List<Future<Response>> responses = new ArrayList<>();
		for (String token : tokens) {
			responses.add(pool.submit((Callable<Response>) () -> request.apply(token)));
		}
		for (Future<Response> response : responses) {
			Response done = response.get(120, TimeUnit.SECONDS);
			assertThat(done.status()).as(done.body()).isEqualTo(status);
		}
	}

	private static Map<String, Long> countBy(JdbcTemplate db, String expression) {
		return db.query("select " + expression + " as k, count(*) as n from event_publication group by 1 order by 1",
				(rs, i) -> Map.entry(String.valueOf(rs.getString("k")), rs.getLong("n")))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}
}
