package com.forum.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.forum.bench.BenchSeeder.Member;
import com.forum.bench.ForumBenchmark.Snapshot;
import com.forum.bench.SearchLoad.Latency;
import com.forum.shared.ImageSources;
import com.forum.shared.MarkdownRenderer;

/**
 * {@code ./forum bench-search}: search at a million posts. On services of its own (data under
 * {@code .forum/bench-search}), writes the posts into PostgreSQL in bulk as the write path stores them
 * (Markdown and its rendered HTML) and has the application's own rebuild ({@code --forum.command=reindex},
 * the {@code Reindexer}) index them, timed; keeps a snapshot so later runs skip this. Then, with the
 * deployable jar running, measures search latency for four kinds of query through the API and directly
 * against Elasticsearch, how soon a new reply is found while replies keep coming, a rebuild under search
 * load (failed searches must be 0), and Elasticsearch's heap, resident memory and index size.
 * <p>
 * Options: {@code --posts=1000000}, {@code --clients=16}, {@code --seconds=20}, {@code --writes=20} (replies
 * per second during the freshness and rebuild runs), {@code --reseed}, {@code --es-heap=1g},
 * {@code --app-jvm="-Xmx512m"}, {@code --no-rebuild}, {@code --profile} (a JFR recording of the bulk
 * rebuild), {@code --rebuild-only} (time the rebuild again on the snapshot and stop; with {@code --jar=} to
 * compare builds), {@code --no-docs}, {@code --hold} (start the app on the data set and keep everything running
 * until stopped, to look into searches by hand), {@code --warm-up=40} (seconds of mixed searches before the
 * first measurement).
 */
public final class SearchBenchmark {

	/** Bumped whenever the loading changes what it writes, so an old snapshot is not reused. */
	private static final String LOAD_VERSION = "1";

	static final int POSTGRES_PORT = 54369;

	static final int REDIS_PORT = 63794;

	static final int ELASTICSEARCH_PORT = 19240;

	/** One thread for every twenty replies, as in the performance suite's data set. */
	private static final int REPLIES_PER_THREAD = 20;

	private static final int MEMBERS = 2_000;

	private static final int ROWS_PER_COPY = 5_000;

	private static final PrintStream out = System.out;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern POSTS_REBUILT = Pattern
		.compile("Rebuilt \\S*-posts as \\S+: (\\d+) documents from the database in (\\d+) ms");

	private final Options options;

	private final Path root = Path.of(".forum", "bench-search").toAbsolutePath();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final List<String> notes = new ArrayList<>();

	/** Processor seconds of the last reindex command's JVM (start-up included) and of Elasticsearch meanwhile. */
	private double[] lastRebuildCpu = { 0, 0 };

	private SearchBenchmark(Options options) {
		this.options = options;
	}

	record Options(int posts, int clients, int seconds, int writes, boolean reseed, String elasticsearchHeap,
			List<String> appJvm, boolean rebuild, boolean profile, boolean docs, Path jar, boolean rebuildOnly, boolean hold,
			int rebuildRate, int warmUp) {

		static Options parse(String[] args) {
			Map<String, String> given = ForumBenchmark.Options.given(args, List.of("posts", "clients", "seconds",
					"writes", "reseed", "es-heap", "app-jvm", "no-rebuild", "profile", "no-docs", "jar", "rebuild-only",
					"hold", "rebuild-rate", "warm-up"));
			return new Options(Integer.parseInt(given.getOrDefault("posts", "1000000")),
					Integer.parseInt(given.getOrDefault("clients", "16")),
					Integer.parseInt(given.getOrDefault("seconds", "20")),
					Integer.parseInt(given.getOrDefault("writes", "20")), given.containsKey("reseed"),
					given.getOrDefault("es-heap", "1g"),
					List.of(given.getOrDefault("app-jvm", "-Xmx512m").trim().split("\\s+")),
					!given.containsKey("no-rebuild"), given.containsKey("profile"), !given.containsKey("no-docs"),
					Path.of(given.getOrDefault("jar", "forum-web/target/forum-web-0.1.0-SNAPSHOT.jar")),
					given.containsKey("rebuild-only"), given.containsKey("hold"),
					Integer.parseInt(given.getOrDefault("rebuild-rate", "0")),
					Integer.parseInt(given.getOrDefault("warm-up", "40")));
		}

		int threads() {
			return Math.max(1, posts / (REPLIES_PER_THREAD + 1));
		}

		int replies() {
			return posts - threads();
		}
	}

	/** How the data set went in: into PostgreSQL in bulk, then through the application's rebuild. */
	record Loading(int posts, double copySeconds, long indexed, double rebuildSeconds, double commandSeconds,
			double appCpuSeconds, double elasticsearchCpuSeconds) {

		double postsPerSecond() {
			return indexed / rebuildSeconds;
		}

		void save(Path file) throws IOException {
			Properties properties = new Properties();
			properties.setProperty("posts", Integer.toString(posts));
			properties.setProperty("copy-seconds", Double.toString(copySeconds));
			properties.setProperty("indexed", Long.toString(indexed));
			properties.setProperty("rebuild-seconds", Double.toString(rebuildSeconds));
			properties.setProperty("command-seconds", Double.toString(commandSeconds));
			properties.setProperty("app-cpu-seconds", Double.toString(appCpuSeconds));
			properties.setProperty("elasticsearch-cpu-seconds", Double.toString(elasticsearchCpuSeconds));
			try (var writer = Files.newBufferedWriter(file)) {
				properties.store(writer, "how ./forum bench-search loaded its data set");
			}
		}

		static Loading load(Path file) throws IOException {
			Properties properties = new Properties();
			try (var reader = Files.newBufferedReader(file)) {
				properties.load(reader);
			}
			return new Loading(Integer.parseInt(properties.getProperty("posts")),
					Double.parseDouble(properties.getProperty("copy-seconds")),
					Long.parseLong(properties.getProperty("indexed")),
					Double.parseDouble(properties.getProperty("rebuild-seconds")),
					Double.parseDouble(properties.getProperty("command-seconds")),
					Double.parseDouble(properties.getProperty("app-cpu-seconds", "0")),
					Double.parseDouble(properties.getProperty("elasticsearch-cpu-seconds", "0")));
		}

		String summary() {
			return String.format(Locale.ROOT,
					"%,d posts into PostgreSQL in %.0f s (%,.0f posts/s, COPY with rendered HTML); the application's "
							+ "rebuild (`--forum.command=reindex`) indexed %,d posts in %.0f s: **%,.0f posts/s** "
							+ "(the whole command, JVM start to exit, %.0f s; processor time: the command's JVM %.0f s "
							+ "with its start-up, Elasticsearch %.0f s)",
					posts, copySeconds, posts / copySeconds, indexed, rebuildSeconds, postsPerSecond(), commandSeconds,
					appCpuSeconds, elasticsearchCpuSeconds);
		}
	}

	public static void main(String[] args) throws Exception {
		int exit = new SearchBenchmark(Options.parse(args)).run() ? 0 : 1;
		System.exit(exit);
	}

	private boolean run() throws Exception {
		BenchStack stack = new BenchStack(root, options.jar(), options.appJvm(), POSTGRES_PORT, REDIS_PORT,
				ELASTICSEARCH_PORT);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				stack.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		Snapshot snapshot = new Snapshot(root.resolve("snapshot"), stack.dataDir(),
				"search " + LOAD_VERSION + " " + options.posts());
		out.printf("Search benchmark: %,d posts (%,d threads, %,d replies), %d clients, Elasticsearch heap %s%n",
				options.posts(), options.threads(), options.replies(), options.clients(), options.elasticsearchHeap());
		Loading loading;
		if (options.reseed() || !snapshot.matches()) {
			loading = load(stack, snapshot);
		}
		else {
			loading = Loading.load(snapshot.dir().resolve("loading.properties"));
		}
		out.println(loading.summary());
		out.println("restoring the data set from " + snapshot.dir() + " ...");
		snapshot.restore();
		stack.startServices(options.elasticsearchHeap());
		if (options.rebuildOnly()) {
			// the rebuild alone, again, on the loaded data: to compare builds of the app (--jar) or settings
			rebuild(stack, loading.copySeconds());
			stack.close();
			return true;
		}
		stack.startApp(List.of());
		if (options.hold()) {
			// for looking into a search by hand (Elasticsearch's profile API, a JFR recording of the app)
			out.printf("holding the stack until this process is stopped: the app at %s, Elasticsearch at %s%n",
					stack.baseUrl(), stack.services().elasticsearchUrl());
			Thread.sleep(Long.MAX_VALUE);
		}
		JdbcTemplate db = ForumBenchmark.jdbc(stack);
		List<Member> members = BenchSeeder.loadMembers(snapshot.members());
		Queries queries = Queries.from(db);
		String elasticsearch = stack.services().elasticsearchUrl();

		Map<QueryKind, List<String>> matchingByKind = new java.util.EnumMap<>(QueryKind.class);
		for (QueryKind kind : QueryKind.values()) {
			matchingByKind.put(kind, queries.matching(kind, this::apiFinds, stack.baseUrl()));
		}
		warmUp(stack.baseUrl(), matchingByKind);
		List<Latency> latencies = new ArrayList<>();
		for (QueryKind kind : QueryKind.values()) {
			List<String> matching = matchingByKind.get(kind);
			warmUp(stack.baseUrl(), kind, matching);
			Latency api = load(options.clients(), Duration.ofSeconds(options.seconds()), new AtomicBoolean(), "API, "
					+ kind.label, i -> apiRequest(stack.baseUrl(), kind, matching.get(i % matching.size())));
			Latency direct = load(options.clients(), Duration.ofSeconds(options.seconds()), new AtomicBoolean(),
					"Elasticsearch, " + kind.label,
					i -> directRequest(elasticsearch, kind, matching.get(i % matching.size())));
			latencies.add(api);
			latencies.add(direct);
		}

		// the write path has not run since the app started: a few seconds of replies first, not measured
		// (cold, posting took seconds and the first freshness figures measured that)
		Freshness warmUp = new Freshness(stack.baseUrl(), stack.services().elasticsearchUrl(), members,
				queries.threads(), options.writes(), 1);
		Thread.sleep(Duration.ofSeconds(5));
		warmUp.close();
		Freshness freshness = new Freshness(stack.baseUrl(), stack.services().elasticsearchUrl(), members,
				queries.threads(), options.writes(), 2);
		Thread.sleep(Duration.ofSeconds(options.seconds()));
		freshness.close();
		out.println("  freshness: " + freshness.summary());

		String rebuild = options.rebuild() ? rebuildUnderLoad(stack, db, members, queries, matchingByKind) : "not run (--no-rebuild)";
		Map<String, Object> heap = heap(stack);
		out.println("  Elasticsearch: " + heap);

		String report = report(loading, latencies, freshness, rebuild, heap);
		out.println();
		out.println(report);
		if (options.docs()) {
			write(report);
		}
		stack.close();
		return latencies.stream().allMatch(l -> l.errors() == 0 && l.empty() == 0) && !rebuild.contains("FAILED");
	}

	// ---------------------------------------------------------------- loading

	private Loading load(BenchStack stack, Snapshot snapshot) throws Exception {
		out.println("loading a new data set (once; later runs restore its snapshot) ...");
		stack.stopServices();
		Snapshot.delete(stack.dataDir());
		stack.startServices(options.elasticsearchHeap());
		JdbcTemplate db = ForumBenchmark.jdbc(stack);
		// the bulk load starts over if cut short: no need to wait for each commit to reach the disk
		db.execute("alter database forum set synchronous_commit = off");
		// the app creates the schema, the boards and the staff (demo data) and the empty indexes
		stack.startApp(List.of("--forum.demo-data.enabled=true"));
		List<Member> members = new BenchSeeder(stack.baseUrl(), db, 4, out).writeMembers(MEMBERS);
		stack.stopApp();
		long started = System.nanoTime();
		copyPosts(db, members);
		double copySeconds = (System.nanoTime() - started) / 1e9;
		out.printf("  %,d posts into PostgreSQL in %.0f s%n", options.posts(), copySeconds);
		db.execute("vacuum analyze topic");
		db.execute("vacuum analyze reply");
		Loading loading = rebuild(stack, copySeconds);
		db.execute("alter database forum reset synchronous_commit");
		Path elasticsearchData = stack.services().elasticsearchDataDir();
		stack.stopServices();
		snapshot.take(members, elasticsearchData);
		loading.save(snapshot.dir().resolve("loading.properties"));
		return loading;
	}

	/**
	 * The threads, then the replies, written with COPY as the write path stores them: the Markdown, its HTML
	 * rendered by the application's renderer, the author and the times. Texts are made on two threads while
	 * the previous chunk is copied.
	 */
	private void copyPosts(JdbcTemplate db, List<Member> members) throws Exception {
		List<Long> boards = db.queryForList("select id from board where kind = 'DISCUSSION' order by id", Long.class);
		if (boards.isEmpty()) {
			boards = db.queryForList("select id from board order by id", Long.class);
		}
		long firstTopic = db.queryForObject("select coalesce(max(id), 0) from topic", Long.class);
		Instant now = Instant.now();
		int threads = options.threads();
		List<Long> boardIds = boards;
		copy(db, "copy topic (board_id, author_id, title, body, body_html, created_at, last_activity_at) "
				+ "from stdin (format csv)", threads, (chunk, from, to) -> {
					BenchContent content = new BenchContent(1_000_003L * chunk, false);
					MarkdownRenderer markdown = new MarkdownRenderer(ImageSources.none());
					SplittableRandom random = new SplittableRandom(chunk);
					StringBuilder csv = new StringBuilder((to - from) * 1200);
					for (int i = from; i < to; i++) {
						String body = content.threadBody();
						Instant created = threadCreated(now, i, threads);
						row(csv, boardIds.get(random.nextInt(boardIds.size())),
								members.get(random.nextInt(members.size())).id(), content.threadTitle(), body,
								markdown.toSafeHtml(body), created, created);
					}
					return csv.toString();
				});
		List<Long> topics = db.queryForList("select id from topic where id > ? order by id", Long.class, firstTopic);
		copy(db, "copy reply (topic_id, author_id, body, body_html, created_at) from stdin (format csv)",
				options.replies(), (chunk, from, to) -> {
					BenchContent content = new BenchContent(2_000_003L * chunk + 1, false);
					MarkdownRenderer markdown = new MarkdownRenderer(ImageSources.none());
					SplittableRandom random = new SplittableRandom(~chunk);
					StringBuilder csv = new StringBuilder((to - from) * 800);
					for (int i = from; i < to; i++) {
						int topic = random.nextInt(topics.size());
						String body = content.replyBody();
						Instant created = threadCreated(now, topic, threads)
							.plusSeconds(60 + random.nextInt(7 * 24 * 3600));
						row(csv, topics.get(topic), members.get(random.nextInt(members.size())).id(), body,
								markdown.toSafeHtml(body), created.isAfter(now) ? now : created);
					}
					return csv.toString();
				});
		db.update("""
				update topic t set reply_count = c.replies, last_activity_at = c.last
				from (select topic_id, count(*) replies, max(created_at) last from reply group by topic_id) c
				where c.topic_id = t.id and t.id > ?""", firstTopic);
	}

	/** Threads spread over the last year, the oldest first. */
	private static Instant threadCreated(Instant now, int index, int threads) {
		long year = 365L * 24 * 3600;
		return now.minusSeconds(year - (year * index / Math.max(1, threads)) + 8 * 24 * 3600);
	}

	@FunctionalInterface
	private interface Chunk {

		String csv(int chunk, int from, int to);
	}

	private void copy(JdbcTemplate db, String sql, int rows, Chunk chunks) throws Exception {
		ExecutorService makers = Executors.newFixedThreadPool(2);
		try (Connection connection = db.getDataSource().getConnection()) {
			var copier = connection.unwrap(PGConnection.class).getCopyAPI();
			List<Future<String>> pending = new ArrayList<>();
			int chunkCount = (rows + ROWS_PER_COPY - 1) / ROWS_PER_COPY;
			int submitted = 0;
			Progress progress = new Progress(sql.substring(5, sql.indexOf(' ', 5)), rows);
			for (int done = 0; done < chunkCount; done++) {
				while (submitted < chunkCount && submitted < done + 4) {
					int chunk = submitted++;
					int from = chunk * ROWS_PER_COPY;
					int to = Math.min(rows, from + ROWS_PER_COPY);
					pending.add(makers.submit(() -> chunks.csv(chunk, from, to)));
				}
				copier.copyIn(sql, new StringReader(pending.get(done).get()));
				pending.set(done, null);
				progress.reached(Math.min(rows, (done + 1) * ROWS_PER_COPY));
			}
			progress.done();
		}
		finally {
			makers.shutdownNow();
		}
	}

	private static void row(StringBuilder csv, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			Object value = values[i];
			if (value instanceof String text) {
				csv.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
			else {
				csv.append(value);
			}
		}
		csv.append('\n');
	}

	/**
	 * The application's own rebuild of the indexes, as {@code ./forum reindex} runs it: the deployable jar
	 * with {@code --forum.command=reindex}, in a JVM of its own. The posts index's time comes from its log.
	 */
	private Loading rebuild(BenchStack stack, double copySeconds) throws IOException, InterruptedException {
		out.println("  indexing through the application's rebuild (--forum.command=reindex) ...");
		long started = System.nanoTime();
		String log = reindex(stack, options.profile() ? root.resolve("logs").resolve("rebuild.jfr") : null, 0);
		double commandSeconds = (System.nanoTime() - started) / 1e9;
		Matcher posts = POSTS_REBUILT.matcher(log);
		if (!posts.find()) {
			throw new IllegalStateException("the rebuild did not report the posts index; see " + reindexLog());
		}
		Loading loading = new Loading(options.posts(), copySeconds, Long.parseLong(posts.group(1)),
				Long.parseLong(posts.group(2)) / 1000.0, commandSeconds, lastRebuildCpu[0], lastRebuildCpu[1]);
		out.println("  " + loading.summary());
		return loading;
	}

	private Path reindexLog() {
		return root.resolve("logs").resolve("reindex.log");
	}

	/**
	 * Runs the reindex command to its end, its backfill held to {@code rate} documents a second (0 for
	 * no limit); its output, which it also appends to the log.
	 */
	private String reindex(BenchStack stack, Path recording, int rate) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options.appJvm());
		if (recording != null) {
			command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
		}
		// with a web server on a port of its own: the jar's web configuration needs a web application
		command.addAll(List.of("-jar", options.jar().toString(), "--forum.command=reindex", "--server.port=0",
				"--spring.config.additional-location=optional:file:config/bench/bench-app.yml",
				"--forum.search.rebuild-rate=" + rate));
		stack.services().connectionProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = root.resolve("logs").resolve("reindex-" + System.currentTimeMillis() + ".log");
		Files.createDirectories(log.getParent());
		Duration elasticsearchBefore = stack.serviceCpu().get("elasticsearch");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Duration cpu = Duration.ZERO;
		while (!process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
			cpu = process.toHandle().info().totalCpuDuration().orElse(cpu);
		}
		int exit = process.exitValue();
		lastRebuildCpu = new double[] { cpu.toMillis() / 1000.0,
				stack.serviceCpu().get("elasticsearch").minus(elasticsearchBefore).toMillis() / 1000.0 };
		String output = Files.readString(log);
		Files.writeString(reindexLog(), output, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
		Files.delete(log);
		if (exit != 0) {
			throw new IllegalStateException("the rebuild ended with " + exit + "; see " + reindexLog());
		}
		return output;
	}

	// ---------------------------------------------------------------- search latency

	enum QueryKind {

		WORD("single English word"), PHRASE("quoted phrase"), CHINESE("Chinese, 2-4 characters"),
		FACETED("faceted: board + newest");

		final String label;

		QueryKind(String label) {
			this.label = label;
		}
	}

	/**
	 * Queries of each kind taken from the data set itself, so they match whatever analyzer the index uses:
	 * words and two-word phrases of English titles, Chinese terms of the generator, and for the faceted
	 * kind a word with the board of a thread that holds it.
	 */
	record Queries(List<String> words, List<String> phrases, List<String> chinese, List<Long> boards,
			List<Long> threads) {

		private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

		static Queries from(JdbcTemplate db) {
			List<String> titles = db.queryForList("""
					select title from topic where title ~ '^[A-Za-z]' and deleted_at is null
					order by id desc limit 400""", String.class);
			java.util.Set<String> words = new java.util.LinkedHashSet<>();
			java.util.Set<String> phrases = new java.util.LinkedHashSet<>();
			for (String title : titles) {
				// split at spaces only, so that two words kept as a phrase stand next to each other in the text
				String[] parts = title.split(" ");
				for (int i = 0; i < parts.length; i++) {
					if (parts[i].length() >= 5 && WORD.matcher(parts[i]).matches()) {
						words.add(parts[i].toLowerCase(Locale.ROOT));
					}
					if (i + 1 < parts.length && parts[i].length() >= 3 && parts[i + 1].length() >= 3
							&& WORD.matcher(parts[i]).matches() && WORD.matcher(parts[i + 1]).matches()) {
						phrases.add("\"" + parts[i].toLowerCase(Locale.ROOT) + " " + parts[i + 1].toLowerCase(Locale.ROOT)
								+ "\"");
					}
				}
			}
			List<String> chinese = new BenchContent(99, false).chineseQueries(200)
				.stream()
				.filter(q -> !q.contains(" ") && q.length() >= 2 && q.length() <= 4)
				.distinct()
				.toList();
			return new Queries(List.copyOf(words).subList(0, Math.min(60, words.size())),
					List.copyOf(phrases).subList(0, Math.min(60, phrases.size())), chinese,
					db.queryForList("select id from board order by id", Long.class),
					db.queryForList("select id from topic where deleted_at is null order by id desc limit 200",
							Long.class));
		}

		/** The queries of a kind that the API finds something for before any load (a faceted one: "q|board"). */
		List<String> matching(QueryKind kind, Finder finds, String baseUrl) throws IOException, InterruptedException {
			List<String> candidates = switch (kind) {
				case WORD -> words;
				case PHRASE -> phrases;
				case CHINESE -> chinese;
				case FACETED -> {
					List<String> faceted = new ArrayList<>();
					for (int i = 0; i < words.size(); i++) {
						String q = i % 2 == 0 ? words.get(i) : chinese.get(i % chinese.size());
						for (Long board : boards) {
							faceted.add(q + "|" + board);
						}
					}
					yield faceted;
				}
			};
			List<String> matching = new ArrayList<>();
			for (String candidate : candidates) {
				if (finds.finds(apiPath(baseUrl, kind, candidate))) {
					matching.add(candidate);
				}
				if (matching.size() == 40) {
					break;
				}
			}
			if (matching.isEmpty()) {
				throw new IllegalStateException("no " + kind.label + " query finds anything: " + candidates);
			}
			return matching;
		}
	}

	@FunctionalInterface
	interface Finder {

		boolean finds(String url) throws IOException, InterruptedException;
	}

	private boolean apiFinds(String url) throws IOException, InterruptedException {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		return answer.statusCode() == 200 && apiFound(answer.body());
	}

	private static boolean apiFound(String body) {
		return !body.contains("\"totalItems\":0");
	}

	private static boolean elasticsearchFound(String body) {
		return !body.contains("\"hits\":[]");
	}

	static String apiPath(String baseUrl, QueryKind kind, String query) {
		if (kind == QueryKind.FACETED) {
			String[] parts = query.split("\\|");
			return baseUrl + "/api/v1/search?q=" + ForumBenchmark.encode(parts[0]) + "&boardId=" + parts[1]
					+ "&sort=newest";
		}
		return baseUrl + "/api/v1/search?q=" + ForumBenchmark.encode(query);
	}

	private static HttpRequest apiRequest(String baseUrl, QueryKind kind, String query) {
		return apiGet(apiPath(baseUrl, kind, query));
	}

	private static HttpRequest apiGet(String url) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * What the application asks Elasticsearch for a search (PostSearch: the same fields, operator, total,
	 * board counts, highlighting and sort), sent straight to it, so the difference is the application's part.
	 */
	private static HttpRequest directRequest(String elasticsearch, QueryKind kind, String query) {
		String text = kind == QueryKind.FACETED ? query.split("\\|")[0] : query.replace("\"", "");
		Map<String, Object> match = new LinkedHashMap<>();
		match.put("query", text);
		match.put("fields", List.of("title^3", "body"));
		match.put("type", kind == QueryKind.PHRASE ? "phrase" : "best_fields");
		if (kind != QueryKind.PHRASE) {
			match.put("operator", "and");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", Map.of("multi_match", match));
		body.put("size", 20);
		body.put("track_total_hits", true);
		body.put("aggs", Map.of("boards", Map.of("terms", Map.of("field", "boardId", "size", 100))));
		body.put("highlight", Map.of("encoder", "html", "pre_tags", List.of("<mark>"), "post_tags", List.of("</mark>"),
				"fields", Map.of("title", Map.of("number_of_fragments", 0), "body",
						Map.of("fragment_size", 160, "number_of_fragments", 1))));
		if (kind == QueryKind.FACETED) {
			body.put("post_filter", Map.of("term", Map.of("boardId", Long.parseLong(query.split("\\|")[1]))));
			body.put("sort", List.of(Map.of("createdAt", "desc")));
		}
		else {
			body.put("sort", List.of("_score", Map.of("createdAt", "desc")));
		}
		return HttpRequest.newBuilder(URI.create(elasticsearch + "/forum-posts/_search"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
	}

	/**
	 * Every kind of query through the app, before anything is measured: the app and Elasticsearch had
	 * just started, and both compile their hot paths for a minute under load. With a few seconds of
	 * warm-up the first kind measured ran at half the speed it reached a minute later.
	 */
	private void warmUp(String baseUrl, Map<QueryKind, List<String>> queries) throws InterruptedException {
		if (options.warmUp() == 0) {
			return;
		}
		List<String> mixed = mixedPaths(baseUrl, queries, 5);
		out.printf("  warming up the app and Elasticsearch for %d s ...%n", options.warmUp());
		load(options.clients(), Duration.ofSeconds(options.warmUp()), new AtomicBoolean(), "warm-up",
				i -> apiGet(mixed.get(i % mixed.size())));
	}

	/** Every kind's queries as API addresses, in an order of their own. */
	private static List<String> mixedPaths(String baseUrl, Map<QueryKind, List<String>> queries, long seed) {
		List<String> mixed = new ArrayList<>();
		queries.forEach((kind, matching) -> matching.forEach(q -> mixed.add(apiPath(baseUrl, kind, q))));
		java.util.Collections.shuffle(mixed, new java.util.Random(seed));
		return mixed;
	}

	private void warmUp(String baseUrl, QueryKind kind, List<String> queries) throws InterruptedException {
		load(4, Duration.ofSeconds(3), new AtomicBoolean(), "warm-up",
				i -> apiRequest(baseUrl, kind, queries.get(i % queries.size())));
	}

	private Latency load(int clients, Duration duration, AtomicBoolean stop, String name,
			java.util.function.IntFunction<HttpRequest> requests) throws InterruptedException {
		boolean direct = name.startsWith("Elasticsearch");
		Latency latency = new SearchLoad(http).run(name, clients, duration, stop, requests,
				direct ? SearchBenchmark::elasticsearchFound : SearchBenchmark::apiFound);
		if (!name.equals("warm-up")) {
			out.printf("  %-48s %,7.0f req/s  p50 %6.1f ms  p99 %7.1f ms  %d errors  %d empty%s%n", name,
					latency.requestsPerSecond(), latency.p50Millis(), latency.p99Millis(), latency.errors(),
					latency.empty(), latency.failures().isEmpty() ? "" : " " + latency.failures());
		}
		return latency;
	}

	// ---------------------------------------------------------------- freshness

	/**
	 * Posts replies through the API at a steady rate, each with a word of its own, and for each one measures
	 * the time from the API's answer (the reply is stored) until a search of the posts index finds the word.
	 * One prober asks for every reply pending in one search per round (a named match per word, and
	 * Elasticsearch says which matched), so the resolution is one search's time however many wait. A
	 * prober searching for one reply at a time through the API measured its own queue instead: at 20
	 * replies a second and a few hundred milliseconds a search it fell behind by seconds.
	 */
	final class Freshness implements AutoCloseable {

		private static final int MOST_PER_ROUND = 500;

		private final List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger posted = new AtomicInteger();

		private final AtomicInteger refused = new AtomicInteger();

		private final AtomicInteger lost = new AtomicInteger();

		private final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());

		private final java.util.concurrent.ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

		private final ExecutorService posters = Executors.newVirtualThreadPerTaskExecutor();

		/** Replies stored and not yet found: their word and when the API answered 201. */
		private final java.util.concurrent.ConcurrentLinkedQueue<Pending> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();

		private final Thread prober;

		private volatile boolean running = true;

		private final String baseUrl;

		private final String elasticsearch;

		private static final long ROUND_EVERY_MILLIS = 25;

		private record Pending(String word, long stored) {
		}

		/** Each with a seed of its own: the same words again would be refused as the same text posted twice. */
		Freshness(String baseUrl, String elasticsearch, List<Member> members, List<Long> threads, int perSecond,
				long seed) {
			this.baseUrl = baseUrl;
			this.elasticsearch = elasticsearch;
			SplittableRandom random = new SplittableRandom(seed);
			writer.scheduleAtFixedRate(() -> {
				Member author = members.get(random.nextInt(members.size()));
				long thread = threads.get(random.nextInt(threads.size()));
				String word = "fresh" + random.ints(12, 'a', 'z' + 1)
					.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
				posters.submit(() -> post(author, thread, word));
			}, 0, 1_000_000 / perSecond, java.util.concurrent.TimeUnit.MICROSECONDS);
			prober = Thread.ofPlatform().name("freshness-prober").daemon().start(this::probe);
		}

		private void probe() {
			while (running || !pending.isEmpty()) {
				List<Pending> round = new ArrayList<>();
				for (Pending next; round.size() < MOST_PER_ROUND && (next = pending.poll()) != null;) {
					round.add(next);
				}
				if (round.isEmpty()) {
					pause(10);
					continue;
				}
				try {
					// a round every 25 ms at most: searching without pause loaded Elasticsearch with
					// hundreds of searches a second, which held up the indexing being measured
					pause(ROUND_EVERY_MILLIS);
					Set<String> found = found(round);
					long now = System.nanoTime();
					for (Pending reply : round) {
						if (found.contains(reply.word())) {
							millis.add((now - reply.stored()) / 1_000_000);
						}
						else if (now - reply.stored() > 10_000_000_000L) {
							lost.incrementAndGet();
						}
						else {
							pending.add(reply);
						}
					}
				}
				catch (IOException ex) {
					pending.addAll(round);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		/** The words of a round that a search of the posts index finds. */
		private Set<String> found(List<Pending> round) throws IOException, InterruptedException {
			List<Object> matches = round.stream()
				.<Object>map(reply -> Map.of("match", Map.of("body", Map.of("query", reply.word(), "_name", reply.word()))))
				.toList();
			Map<String, Object> body = Map.of("size", round.size(), "_source", false, "query",
					Map.of("bool", Map.of("should", matches)));
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/forum-posts/_search"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IOException("search answered " + answer.statusCode());
			}
			Set<String> found = new java.util.HashSet<>();
			json.readTree(answer.body()).path("hits").path("hits").forEach(hit -> hit.path("matched_queries")
				.forEach(name -> found.add(name.asString())));
			return found;
		}

		private static void pause(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void post(Member author, long thread, String word) {
			try {
				HttpResponse<String> answer = http.send(HttpRequest
					.newBuilder(URI.create(baseUrl + "/api/v1/threads/" + thread + "/replies"))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + author.token())
					.POST(HttpRequest.BodyPublishers.ofString(
							BenchSeeder.body(Map.of("body", "Still seeing this, tracking it as " + word + "."))))
					.build(), HttpResponse.BodyHandlers.ofString());
				long stored = System.nanoTime();
				if (answer.statusCode() != 201) {
					refuse(answer.statusCode() + " " + answer.body());
					return;
				}
				posted.incrementAndGet();
				pending.add(new Pending(word, stored));
			}
			catch (IOException ex) {
				refuse(ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private void refuse(String why) {
			refused.incrementAndGet();
			if (refusals.size() < 2) {
				refusals.add(why.length() > 200 ? why.substring(0, 200) : why);
			}
		}

		int posted() {
			return posted.get();
		}

		@Override
		public void close() throws InterruptedException {
			writer.shutdownNow();
			posters.shutdown();
			posters.awaitTermination(15, java.util.concurrent.TimeUnit.SECONDS);
			running = false; // the prober finishes the replies still pending, each within its 10 s
			prober.join(15_000);
		}

		long[] sorted() {
			return millis.stream().mapToLong(Long::longValue).sorted().toArray();
		}

		String summary() {
			long[] sorted = sorted();
			if (sorted.length == 0) {
				return "no reply was found by search within 10 s (%d posted, %d refused %s)".formatted(posted.get(),
						refused.get(), refusals);
			}
			return String.format(Locale.ROOT,
					"%d replies posted at %d/s, each searched for in the posts index until found: p50 %d ms, p99 %d ms, slowest %d ms; "
							+ "%d not found within 10 s, %d refused%s",
					posted.get(), options.writes(), sorted[sorted.length / 2],
					sorted[(int) Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)],
					sorted[sorted.length - 1], lost.get(), refused.get(), refusals.isEmpty() ? "" : " " + refusals);
		}

		boolean allFound() {
			return lost.get() == 0 && refused.get() == 0;
		}
	}

	// ---------------------------------------------------------------- a rebuild under load

	/**
	 * The application's rebuild, run while the clients search (every kind of query, each of which found
	 * something before) and replies keep coming; then every visible post of the database must be in the
	 * new index, the replies written during the rebuild included.
	 */
	private String rebuildUnderLoad(BenchStack stack, JdbcTemplate db, List<Member> members, Queries queries,
			Map<QueryKind, List<String>> matching) throws Exception {
		out.println("  rebuilding the indexes under search load and writes ...");
		List<String> mixed = mixedPaths(stack.baseUrl(), matching, 3);
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
		Future<Latency> searches = background.submit(() -> new SearchLoad(http).run("during the rebuild",
				options.clients(), null, stop,
				i -> apiGet(mixed.get(i % mixed.size())), SearchBenchmark::apiFound));
		Freshness writes = new Freshness(stack.baseUrl(), stack.services().elasticsearchUrl(), members,
				queries.threads(), options.writes(), 3);
		long started = System.nanoTime();
		String log;
		try {
			log = reindex(stack, null, options.rebuildRate());
		}
		finally {
			stop.set(true);
			writes.close();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Latency during = searches.get();
		background.shutdown();
		Matcher posts = POSTS_REBUILT.matcher(log);
		boolean reported = posts.find();
		long indexed = reported ? Long.parseLong(posts.group(1)) : -1;
		double postsSeconds = reported ? Long.parseLong(posts.group(2)) / 1000.0 : Double.NaN;
		// the app indexes the replies written meanwhile after their commits, and may be behind when the
		// command ends: the check waits for every delivery it owes (ten minutes at most), and says how long
		long drainStart = System.nanoTime();
		long owed;
		while ((owed = outstandingDeliveries(db)) > 0 && System.nanoTime() - drainStart < Duration.ofMinutes(10).toNanos()) {
			Thread.sleep(500);
		}
		double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
		long expected = visiblePosts(db);
		long inIndex = 0;
		for (int wait = 0; wait < 20 && (inIndex = documentsWithText(stack)) != expected; wait++) {
			Thread.sleep(500);
		}
		// what the rebuild promises: no failed search, nothing missing; how soon the replies written meanwhile
		// were found is reported beside it (on this machine the rebuild's bulk loads hold them up)
		boolean ok = during.errors() == 0 && during.empty() == 0 && inIndex == expected;
		String summary = String.format(Locale.ROOT,
				"rebuild of %,d posts under load%s: the posts index in %.0f s, the command %.0f s (JVM start to exit); "
						+ "%,d searches meanwhile "
						+ "(%d clients, p50 %.1f ms, p99 %.1f ms): %d errors, %d empty; %d replies written meanwhile, "
						+ "the app's deliveries caught up %.0f s after the command (%d still owed); "
						+ "afterwards %,d posts in the index, %,d visible in the database: %s",
				indexed, options.rebuildRate() > 0 ? String.format(Locale.ROOT, " at %,d documents/s", options.rebuildRate()) : "",
				postsSeconds, seconds, during.requests(), during.clients(), during.p50Millis(), during.p99Millis(),
				during.errors(), during.empty(), writes.posted(), drainSeconds, owed, inIndex, expected,
				(ok ? "none missing" : "FAILED " + during.failures()) + "; meanwhile " + writes.summary());
		out.println("  " + summary);
		return summary;
	}

	/** Event deliveries not done yet: with completion mode archive, the live table holds only those. */
	private static long outstandingDeliveries(JdbcTemplate db) {
		return db.queryForObject("select count(*) from event_publication where completion_date is null", Long.class);
	}

	private static long visiblePosts(JdbcTemplate db) {
		return db.queryForObject("""
				select (select count(*) from topic where deleted_at is null and hidden_at is null)
				     + (select count(*) from reply r join topic t on t.id = r.topic_id
				        where t.deleted_at is null and r.deleted_at is null and r.hidden_at is null)""", Long.class);
	}

	/** Documents of the posts alias with text: a removed post stays as a tombstone without any. */
	private long documentsWithText(BenchStack stack) throws IOException, InterruptedException {
		String url = stack.services().elasticsearchUrl();
		http.send(HttpRequest.newBuilder(URI.create(url + "/forum-posts/_refresh"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.discarding());
		String body = http.send(HttpRequest.newBuilder(URI.create(url + "/forum-posts/_count"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"exists\":{\"field\":\"body\"}}}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		return json.readTree(body).get("count").asLong();
	}

	// ---------------------------------------------------------------- memory

	private Map<String, Object> heap(BenchStack stack) throws IOException, InterruptedException {
		String url = stack.services().elasticsearchUrl();
		JsonNode nodes = json.readTree(http.send(HttpRequest.newBuilder(URI.create(url + "/_nodes/stats/jvm")).build(),
				HttpResponse.BodyHandlers.ofString()).body()).get("nodes");
		JsonNode jvm = nodes.values().iterator().next().get("jvm").get("mem");
		JsonNode index = json.readTree(http.send(
				HttpRequest.newBuilder(URI.create(url + "/forum-posts/_stats/store,docs,segments")).build(),
				HttpResponse.BodyHandlers.ofString()).body()).get("_all").get("primaries");
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("heap", options.elasticsearchHeap());
		figures.put("heap used MB", jvm.get("heap_used_in_bytes").asLong() >> 20);
		figures.put("heap max MB", jvm.get("heap_max_in_bytes").asLong() >> 20);
		figures.put("resident MB", stack.memory().get("Elasticsearch") >> 20);
		figures.put("posts index on disk MB", index.get("store").get("size_in_bytes").asLong() >> 20);
		figures.put("documents", index.get("docs").get("count").asLong());
		figures.put("segments", index.get("segments").get("count").asLong());
		return figures;
	}

	// ---------------------------------------------------------------- report

	static final String BEGIN = "<!-- bench-search:begin (written by ./forum bench-search) -->";

	static final String END = "<!-- bench-search:end -->";

	private String report(Loading loading, List<Latency> latencies, Freshness freshness, String rebuild,
			Map<String, Object> heap) {
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT,
				"Run %s on %s (load average %s, the machine shared with other work: the figures are noisy); "
						+ "%,d posts (%,d threads, %,d replies), app JVM `%s`, Elasticsearch heap %s.%n%n",
				ForumBenchmark.now(), ForumBenchmark.machine(), loadAverage(), options.posts(), options.threads(),
				options.replies(), String.join(" ", options.appJvm()), options.elasticsearchHeap()));
		md.append("- Loading: ").append(loading.summary()).append(".\n\n");
		md.append(Latency.header()).append('\n');
		latencies.forEach(l -> md.append(l.row()).append('\n'));
		md.append("\n- Freshness: ").append(freshness.summary()).append(".\n");
		md.append("- Rebuild under load: ").append(rebuild).append(".\n");
		md.append("- Elasticsearch: ");
		heap.forEach((key, value) -> md.append(key).append(' ').append(value).append(", "));
		md.setLength(md.length() - 2);
		md.append(".\n");
		notes.forEach(note -> md.append("- ").append(note).append('\n'));
		return md.toString();
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private void write(String table) throws IOException {
		Path docs = Path.of("docs");
		Path runs = docs.resolve("performance").resolve("search-runs");
		Files.createDirectories(runs);
		String stamp = ForumBenchmark.now();
		Path run = runs.resolve(stamp.replace(' ', '-').replace(":", "") + "-" + options.posts() + ".md");
		Files.writeString(run, "# ./forum bench-search, " + stamp + "\n\n" + table, StandardCharsets.UTF_8);
		Path performance = docs.resolve("PERFORMANCE.md");
		Report.replaceBetween(performance, BEGIN, END, table + "\n");
		out.println("figures written to " + run + " and " + performance);
	}

	/** A progress line for a long copy, rewritten in place. */
	private static final class Progress {

		private final String what;

		private final int total;

		private final long started = System.nanoTime();

		Progress(String what, int total) {
			this.what = what;
			this.total = total;
		}

		void reached(int done) {
			double seconds = (System.nanoTime() - started) / 1e9;
			out.printf("\r  %-6s %,10d / %,d  %,8.0f rows/s", what, done, total, done / Math.max(seconds, 1e-3));
		}

		void done() {
			out.println();
		}
	}
}
