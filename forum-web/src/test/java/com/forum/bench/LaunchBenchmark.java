package com.forum.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.launch.LaunchCheck;
import com.forum.launch.LaunchReconciliation;
import com.forum.localservices.LocalServices;
import com.forum.web.SeededMember;

/**
 * {@code ./forum bench-launch}: a flash sale over HTTP. The application runs with its web server on
 * throwaway services (fresh PostgreSQL, Redis and Elasticsearch, deleted at exit); members with points,
 * reputation and a bearer token each are written in bulk; an employee creates a launch through the API,
 * opening a few seconds later; at that moment a separate process ({@link LaunchLoad}) fires every
 * member's attempt, and refused ones try again a few times. Then PostgreSQL and Redis must show exactly
 * the slots reserved, no member twice, and agree with each other.
 * <p>
 * With {@code --kill-redis}, Redis is killed (SIGKILL) once half the slots are gone from its stock and
 * started again, empty, two seconds later: admission answers 503 with Retry-After meanwhile, rebuilds its
 * keys from PostgreSQL when Redis is back and resumes by itself.
 */
public final class LaunchBenchmark {

	/**
	 * @param members members taking part, each with a token
	 * @param slots slots of the launch
	 * @param connections keep-alive connections the fans share
	 * @param retries how many more times a member refused as sold out tries
	 * @param pointsPrice points held at each reservation (every member has enough)
	 * @param killRedis whether Redis is killed and restarted during the sale
	 * @param redisDown how long Redis stays down
	 */
	public record Settings(int members, int slots, int connections, int retries, int pointsPrice, boolean killRedis,
			Duration redisDown, int warmup) {

		public static final Settings DEFAULT = new Settings(20_000, 500, 200, 3, 100, false, Duration.ofSeconds(2),
				5_000);

		static Settings from(String[] args) {
			Settings s = DEFAULT;
			for (String arg : args) {
				String[] pair = arg.replaceFirst("^--", "").split("=", 2);
				if (pair[0].equals("kill-redis")) {
					s = new Settings(s.members, s.slots, s.connections, s.retries, s.pointsPrice, true, s.redisDown, s.warmup);
				}
				else if (pair.length == 2 && pair[1].matches("\\d+")) {
					int v = Integer.parseInt(pair[1]);
					s = switch (pair[0]) {
						case "members" -> new Settings(v, s.slots, s.connections, s.retries, s.pointsPrice, s.killRedis,
								s.redisDown, s.warmup);
						case "slots" -> new Settings(s.members, v, s.connections, s.retries, s.pointsPrice, s.killRedis,
								s.redisDown, s.warmup);
						case "connections" -> new Settings(s.members, s.slots, v, s.retries, s.pointsPrice, s.killRedis,
								s.redisDown, s.warmup);
						case "retries" -> new Settings(s.members, s.slots, s.connections, v, s.pointsPrice, s.killRedis,
								s.redisDown, s.warmup);
						case "redis-down-ms" -> new Settings(s.members, s.slots, s.connections, s.retries, s.pointsPrice,
								s.killRedis, Duration.ofMillis(v), s.warmup);
						case "warmup" -> new Settings(s.members, s.slots, s.connections, s.retries, s.pointsPrice,
								s.killRedis, s.redisDown, v);
						default -> s;
					};
				}
			}
			return s;
		}
	}

	/** What the fans' process saw (its {@code key=value} lines). */
	public record Load(Map<String, String> figures) {

		public long get(String key) {
			return Long.parseLong(figures.getOrDefault(key, "0"));
		}

		public long attempts() {
			return get("attempts");
		}

		public double seconds() {
			return get("nanos") / 1e9;
		}

		public double attemptsPerSecond() {
			return attempts() / seconds();
		}

		public double p50Millis() {
			return get("p50") / 1000.0;
		}

		public double p99Millis() {
			return get("p99") / 1000.0;
		}

		public String others() {
			return figures.getOrDefault("others", "");
		}
	}

	/**
	 * When Redis was killed and started again, relative to the fans' first attempt.
	 *
	 * @param stockLeft the slots left in Redis when it was killed
	 */
	public record Kill(long pid, long stockLeft, int takenInPostgres, Duration killedAt, Duration restartedAt) {
	}

	/**
	 * What PostgreSQL and Redis hold afterwards.
	 *
	 * @param active pending or confirmed reservations of the launch
	 * @param members distinct members among them
	 * @param twice members with more than one reservation of the launch, in any state
	 * @param redisHolders members Redis counts as holding a slot; equal to PostgreSQL's when {@code sameHolders}
	 */
	public record Outcome(int slots, int taken, long active, long members, long twice, Long redisStock,
			Long redisHolders, boolean sameHolders, List<String> problems) {

		public boolean exact() {
			return taken == slots && active == slots && members == slots && twice == 0 && redisStock != null
					&& redisStock == 0 && redisHolders != null && redisHolders == slots && sameHolders
					&& problems.isEmpty();
		}
	}

	/**
	 * @param applicationCpu processor time of the application and PostgreSQL during the sale
	 * @param redisCpu processor time of Redis during the sale (null when it was killed or is not ours)
	 */
	public record Figures(Settings settings, Load load, Kill kill, Outcome outcome, ProcessorTime.Used applicationCpu,
			Duration redisCpu, double loadAverage) {

		public boolean passed() {
			return outcome.exact() && load.get("membersTwice") == 0 && load.get("created") == settings.slots();
		}

		public void print(PrintStream out) {
			out.printf("%nLaunch benchmark%s: %,d members, %,d slots, %d connections, %d retries after sold out, "
					+ "%d cores (load average %.1f)%n", settings.killRedis() ? " with Redis killed" : "",
					settings.members(), settings.slots(), settings.connections(), settings.retries(),
					Runtime.getRuntime().availableProcessors(), loadAverage);
			out.println("| attempts | attempts/s |  p50 ms |  p99 ms |  201 | 409 sold out | 409 already |   503 | other "
					+ "| errors |");
			out.println("| -------- | ---------- | ------- | ------- | ---- | ------------ | ----------- | ----- | ----- "
					+ "| ------ |");
			long other = load.figures().getOrDefault("others", "").isEmpty() ? 0
					: java.util.Arrays.stream(load.others().split(","))
						.mapToLong(entry -> Long.parseLong(entry.substring(entry.lastIndexOf(':') + 1)))
						.sum();
			out.printf("| %,8d | %,10.0f | %7.1f | %7.1f | %4d | %,12d | %,11d | %,5d | %5d | %6d |%n", load.attempts(),
					load.attemptsPerSecond(), load.p50Millis(), load.p99Millis(), load.get("created"), load.get("soldOut"),
					load.get("already"), load.get("unavailable"), other, load.get("errors"));
			if (other > 0) {
				out.println("other statuses: " + load.others());
			}
			out.printf("sale over in %.2f s; p90 %.1f ms, slowest %.1f ms; members who gave up or ran out of time: %d%n",
					load.seconds(), load.get("p90") / 1000.0, load.get("max") / 1000.0, load.get("unfinished"));
			double attempts = Math.max(1, load.attempts());
			double app = applicationCpu.application().toNanos() / 1e3 / attempts;
			double database = applicationCpu.database().toNanos() / 1e3 / attempts;
			double redis = redisCpu == null ? 0 : redisCpu.toNanos() / 1e3 / attempts;
			double fans = load.get("cpu") / 1e3 / attempts;
			out.printf("CPU per attempt: application %.0f us + PostgreSQL %.0f us + Redis %s + fans' process %.0f us%n",
					app, database, redisCpu == null ? "?" : "%.0f us".formatted(redis), fans);
			out.printf("attempts/s the %d cores allow at that cost (server side / with the fans' process): %,.0f / %,.0f%n",
					Runtime.getRuntime().availableProcessors(),
					Runtime.getRuntime().availableProcessors() * 1e6 / (app + database + redis),
					Runtime.getRuntime().availableProcessors() * 1e6 / (app + database + redis + fans));
			if (kill != null) {
				out.printf("Redis (pid %d) killed at +%d ms with %d slots left in its stock (%d taken in PostgreSQL), "
						+ "started again at +%d ms%n", kill.pid(), kill.killedAt().toMillis(), kill.stockLeft(),
						kill.takenInPostgres(), kill.restartedAt().toMillis());
				long first = load.get("first503");
				long last = load.get("last503");
				out.printf("503 + Retry-After answered from +%d ms to +%d ms: admission paused %.2f s, then resumed by "
						+ "itself%n", first / 1_000_000, last / 1_000_000, first < 0 ? 0 : (last - first) / 1e9);
			}
			out.printf("PostgreSQL: %d taken of %d slots, %d active reservations by %d members, %d members twice%n",
					outcome.taken(), outcome.slots(), outcome.active(), outcome.members(), outcome.twice());
			out.printf("Redis: %s slots left, %s holders, %s PostgreSQL's%n", outcome.redisStock(),
					outcome.redisHolders(), outcome.sameHolders() ? "the same as" : "NOT the same as");
			outcome.problems().forEach(problem -> out.println("check-launches: " + problem));
			out.println(passed() ? "OK: exactly " + settings.slots() + " reserved, no member twice"
					: "FAILED: the sale did not end with exactly the slots reserved by distinct members");
		}
	}

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private final JdbcTemplate jdbc;

	private final StringRedisTemplate redis;

	private final LaunchReconciliation reconciliation;

	private final int port;

	public LaunchBenchmark(JdbcTemplate jdbc, StringRedisTemplate redis, LaunchReconciliation reconciliation, int port) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.reconciliation = reconciliation;
		this.port = port;
	}

	public static void main(String[] args) {
		Settings settings = Settings.from(args);
		List<String> arguments = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains(".")) { // Spring properties pass through
				arguments.add(arg);
			}
		}
		arguments.add("--server.port=0"); // the web server on a free port, for the fans' process
		ConfigurableApplicationContext context = Benchmarks.start(arguments);
		Benchmarks.runAndExit(context, () -> {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			LaunchBenchmark benchmark = new LaunchBenchmark(context.getBean(JdbcTemplate.class),
					context.getBean(StringRedisTemplate.class), context.getBean(LaunchReconciliation.class), port);
			Figures figures = benchmark.run(settings);
			figures.print(System.out);
			return figures.passed();
		});
	}

	public Figures run(Settings settings) throws Exception {
		String employee = SeededMember.create(jdbc, "bench-employee", "EMPLOYEE", "none").token();
		Path warmupTokens = Files.createTempFile("forum-bench-warmup-", ".tokens");
		Path tokens = Files.createTempFile("forum-bench-launch-", ".tokens");
		try {
			// a sale of its own first, to other members, so the measured one runs compiled code, as a node that
			// has been serving for a while does; its members' tokens are not the measured members'
			if (settings.warmup() > 0) {
				seed(settings.warmup(), settings.pointsPrice(), warmupTokens);
				sale(employee, new Settings(settings.warmup(), Math.max(1, settings.warmup() / 40), settings.connections(),
						settings.retries(), settings.pointsPrice(), false, settings.redisDown(), 0), warmupTokens);
			}
			seed(settings.members(), settings.pointsPrice(), tokens);
			return sale(employee, settings, tokens);
		}
		finally {
			Files.deleteIfExists(warmupTokens);
			Files.deleteIfExists(tokens);
		}
	}

	private Figures sale(String employee, Settings settings, Path tokens) throws Exception {
		// the opening leaves the fans' process time to start and connect; all fire at that moment
		Instant opensAt = Instant.now().plusSeconds(4);
		long launch = createLaunch(employee, settings, opensAt);
		ProcessorTime cpu = ProcessorTime.now(jdbc);
		Optional<ProcessHandle> redisProcess = LocalServices.current().flatMap(LocalServices::redisProcess);
		Duration redisBefore = redisProcess.flatMap(p -> p.info().totalCpuDuration()).orElse(null);
		AtomicReference<CompletableFuture<Kill>> kill = new AtomicReference<>(CompletableFuture.completedFuture(null));
		Map<String, String> figures = fire(settings, tokens, launch, opensAt, fired -> {
			if (settings.killRedis()) {
				kill.set(CompletableFuture.supplyAsync(() -> killRedisMidway(launch, settings, fired)));
			}
		});
		ProcessorTime.Used used = cpu.until(jdbc);
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		Kill killed = kill.get().get(1, TimeUnit.MINUTES);
		Duration redisAfter = redisProcess.flatMap(p -> p.info().totalCpuDuration()).orElse(null);
		Duration redisCpu = killed != null || redisBefore == null || redisAfter == null ? null
				: redisAfter.minus(redisBefore);
		return new Figures(settings, new Load(figures), killed, outcome(launch), used, redisCpu, load);
	}

	/**
	 * The fans fire at {@code opensAt}; {@code onFired} gets the moment they did ({@link System#nanoTime()}).
	 * Returns the fans' figures once they are done.
	 */
	private Map<String, String> fire(Settings settings, Path tokens, long launch, Instant opensAt,
			LongConsumer onFired) throws IOException, InterruptedException {
		Process fans = startFans(settings, tokens, launch, opensAt);
		Map<String, String> figures = new LinkedHashMap<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(fans.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("fired ")) {
					onFired.accept(System.nanoTime());
				}
				else if (line.contains("=")) {
					figures.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
				}
			}
		}
		if (!fans.waitFor(5, TimeUnit.MINUTES) || fans.exitValue() != 0) {
			throw new IllegalStateException("the fans' process failed (exit " + fans.exitValue() + ")");
		}
		return figures;
	}

	/**
	 * A sale on an application another process runs ({@code ./forum cluster-proof}, through nginx on
	 * {@link #port}): {@code members} seeded members with points and tokens, a launch of {@code slots} opened
	 * through the API, every member's attempt fired (three more tries when refused); {@code onFired} runs once
	 * they fire. Returns the launch and what the fans saw.
	 */
	public Map.Entry<Long, Load> saleOnRunningApp(int members, int slots, LongConsumer onFired)
			throws Exception {
		Settings settings = new Settings(members, slots, 100, 3, 100, false, Duration.ofSeconds(2), 0);
		String employee = SeededMember.create(jdbc, "proof-employee", "EMPLOYEE", "none").token();
		Path tokens = Files.createTempFile("forum-cluster-launch-", ".tokens");
		try {
			seed(members, settings.pointsPrice(), tokens);
			Instant opensAt = Instant.now().plusSeconds(4);
			long launch = createLaunch(employee, settings, opensAt);
			return Map.entry(launch, new Load(fire(settings, tokens, launch, opensAt, onFired)));
		}
		finally {
			Files.deleteIfExists(tokens);
		}
	}

	/**
	 * The members, written in bulk: points enough for the price, reputation spread over the levels, and a
	 * bearer token each, stored as the application stores its own (its SHA-256), listed in {@code tokens}.
	 */
	private void seed(int members, int pointsPrice, Path tokens) throws IOException {
		String prefix = "fan" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		jdbc.update("""
				insert into member (username, email, password_hash, role, created_at)
				select ? || '-' || g, ? || '-' || g || '@fans.example', 'not-a-login', 'MEMBER', now()
				from generate_series(1, ?) g""", prefix, prefix, members);
		for (String account : List.of("POINTS", "REPUTATION")) {
			// points: the price and up to a few times more; reputation: 0 to 5,000, Lv1 to Lv7
			String amount = account.equals("POINTS") ? pointsPrice + " + (id * 7919) % 1000" : "(id * 104729) % 5000";
			jdbc.update("""
					insert into ledger_entry (member_id, account, amount, reason, cause_key, local_day, created_at)
					select id, ?, %s, 'bench-seed', 'bench-seed:' || id, current_date, now()
					from member where username like ?""".formatted(amount), account, prefix + "-%");
			jdbc.update("""
					insert into ledger_balance (member_id, account, balance, held, updated_at)
					select member_id, account, amount, 0, now() from ledger_entry
					where account = ? and reason = 'bench-seed' and cause_key like 'bench-seed:%'
					  and member_id in (select id from member where username like ?)""", account, prefix + "-%");
		}
		List<String> lines = jdbc.query("""
				with issued as (
				    select id, 'fm_' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
				           as token
				    from member where username like ?),
				stored as (
				    insert into access_token (token_hash, member_id, created_at, expires_at)
				    select encode(sha256(convert_to(token, 'UTF8')), 'hex'), id, now(), now() + interval '1 day' from issued)
				select id, token from issued order by id""", (rs, i) -> rs.getLong(1) + " " + rs.getString(2),
				prefix + "-%");
		Files.write(tokens, lines, StandardCharsets.US_ASCII);
		jdbc.execute("analyze member");
		jdbc.execute("analyze access_token");
	}

	private long createLaunch(String employee, Settings settings, Instant opensAt) throws Exception {
		String body = """
				{"product": "Xiaomi 17 Ultra (benchmark)", "slots": %d, "opensAt": "%s", "pointsPrice": %d, "validity": "48h"}"""
			.formatted(settings.slots(), opensAt, settings.pointsPrice());
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/launches"))
				.header("Authorization", "Bearer " + employee)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = ID.matcher(created.body());
		if (created.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException("creating the launch failed: " + created.statusCode() + " " + created.body());
		}
		return Long.parseLong(id.group(1));
	}

	/** The fans: another JVM, with only its own classes (it needs nothing but the JDK). */
	private Process startFans(Settings settings, Path tokens, long launch, Instant fireAt) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classes = Path.of(URI.create(LaunchLoad.class.getProtectionDomain().getCodeSource().getLocation().toString()))
			.toString();
		return new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", classes, LaunchLoad.class.getName(),
				"--port=" + port, "--path=/api/v1/launches/" + launch + "/reservations", "--tokens=" + tokens,
				"--connections=" + settings.connections(), "--retries=" + settings.retries(),
				"--fire-at=" + fireAt.toEpochMilli(), "--seconds=120")
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
	}

	/**
	 * Watches the launch's stock in Redis from the moment the fans fire; once half the slots are gone,
	 * kills Redis, waits, and starts it again.
	 */
	private Kill killRedisMidway(long launch, Settings settings, long fired) {
		LocalServices services = LocalServices.current()
			.orElseThrow(() -> new IllegalStateException("--kill-redis needs the local services"));
		String stockKey = "launch:{" + launch + "}:stock";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		long stock = settings.slots();
		while (System.nanoTime() < deadline) {
			String value = redis.opsForValue().get(stockKey);
			stock = value == null ? stock : Long.parseLong(value);
			if (stock <= settings.slots() / 2) {
				break;
			}
			Thread.onSpinWait();
		}
		long pid = services.killRedis();
		Duration killedAt = Duration.ofNanos(System.nanoTime() - fired);
		int taken = jdbc.queryForObject("select taken from launch where id = ?", Integer.class, launch);
		try {
			Thread.sleep(settings.redisDown().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		services.restartRedis();
		return new Kill(pid, stock, taken, killedAt, Duration.ofNanos(System.nanoTime() - fired));
	}

	/** Exactly the slots, each to a different member, and Redis agreeing with PostgreSQL. */
	private Outcome outcome(long launch) {
		Map<String, Object> row = jdbc.queryForMap("""
				select l.slots, l.taken,
				       (select count(*) from launch_reservation r where r.launch_id = l.id and r.state in ('PENDING', 'CONFIRMED'))
				           as active,
				       (select count(distinct member_id) from launch_reservation r
				        where r.launch_id = l.id and r.state in ('PENDING', 'CONFIRMED')) as members,
				       (select count(*) from (select member_id from launch_reservation r where r.launch_id = l.id
				                              group by member_id having count(*) > 1) twice) as twice
				from launch l where l.id = ?""", launch);
		Set<String> holdersInPostgres = new HashSet<>(jdbc.queryForList("""
				select member_id::text from launch_reservation where launch_id = ? and state in ('PENDING', 'CONFIRMED')""",
				String.class, launch));
		String stock = redis.opsForValue().get("launch:{" + launch + "}:stock");
		Set<String> holders = redis.opsForSet().members("launch:{" + launch + "}:holders");
		List<String> problems = reconciliation.check()
			.stream()
			.filter(check -> check.launchId() == launch)
			.map(LaunchCheck::problems)
			.flatMap(List::stream)
			.toList();
		return new Outcome(((Number) row.get("slots")).intValue(), ((Number) row.get("taken")).intValue(),
				((Number) row.get("active")).longValue(), ((Number) row.get("members")).longValue(),
				((Number) row.get("twice")).longValue(), stock == null ? null : Long.parseLong(stock),
				holders == null ? null : (long) holders.size(), holdersInPostgres.equals(holders), problems);
	}
}
