package com.forum.web.browser;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.forum.board.BoardKind;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.ConcurrentIntegrationTest;
import com.forum.web.browser.XssDetector.Seen;
import com.forum.web.browser.XssPayloads.Payload;
import org.junit.jupiter.api.Test;

import static com.forum.web.browser.XssPayloads.document;
import static com.forum.web.browser.XssPayloads.pack;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's XSS proof: every payload of {@code security/xss-payloads.txt} is posted through the REST API
 * into every text field a page shows (threads, replies, petitions and their official words, votes' device
 * models, firmware, internal notes and teams, hidden posts' notes, releases, shop items, launches, points
 * adjustments; names and tags, whose rules refuse them, are shown to be refused), then every page that
 * shows them is opened in the real headless Chromium, in English and, for a sample, in Chinese: no script
 * may run (no dialog, window, print, request to {@code /xss} or navigation away), the
 * Content-Security-Policy may report no violation, and no forbidden element, event handler or script address
 * may reach the DOM. Payloads are packed: one reply per payload and a page of replies per 20, a group's
 * payloads as one Markdown document where a field takes long text, and as many as fit where it takes a
 * short one. The suite first proves its own detector on a document that does run script.
 */
@ConcurrentIntegrationTest
class XssSuiteTest extends JourneyTest {

	private static final String BOARD = "xss-suite";

	/** How long a page may keep running timers, animations and refreshes before it is read. */
	private static final int SETTLE_MILLIS = 60;

	private final Map<String, int[]> fields = new TreeMap<>();

	private final List<String> findings = new ArrayList<>();

	/** Why a field refused payloads: the problem types (and the first detail) its refusals answered. */
	private final Map<String, java.util.Set<String>> refusedAs = new TreeMap<>();

	private int pages;

	private int executions;

	private int violations;

	@Test
	void noPayloadRunsOnAnyPageThatShowsIt() throws Exception {
		long start = System.nanoTime();
		Duration cpuAtStart = BrowserRun.cpuTime();
		XssPayloads corpus = XssPayloads.load();
		assertThat(corpus.all()).as("payloads").hasSizeGreaterThanOrEqualTo(300);
		assertThat(corpus.texts()).as("every payload distinct").doesNotHaveDuplicates();
		Journey j = journey("xss", "en");
		try (XssDetector detector = new XssDetector(j.driver())) {
			detectorCatchesWhatRuns(j, detector);
			long seeding = System.nanoTime();
			Duration cpuSeeding = BrowserRun.cpuTime();
			Seeded seeded = seed(corpus);
			long seeded_ = System.nanoTime();
			Duration cpuSeeded = BrowserRun.cpuTime();
			browse(j, detector, seeded);
			Journey zh = journey("xss", "zh-CN");
			browseInChinese(zh, detector, seeded);
			long end = System.nanoTime();
			Duration cpuEnd = BrowserRun.cpuTime();
			report(corpus, new double[] { (seeded_ - seeding) / 1e9, (end - seeded_) / 1e9, (end - start) / 1e9 },
					new double[] { seconds(cpuSeeded.minus(cpuSeeding)), seconds(cpuEnd.minus(cpuSeeded)),
							seconds(cpuEnd.minus(cpuAtStart)) });
		}
		assertThat(findings).as("what user content did in the browser").isEmpty();
	}

	// ------------------------------------------------------------------ the detector proves itself

	/**
	 * A broken detector must not pass silently: a document that runs script and one that breaks its own
	 * policy, and a script run on one of the app's pages, must all be seen.
	 */
	private void detectorCatchesWhatRuns(Journey j, XssDetector detector) {
		j.driver().get("data:text/html,<title>x</title><img src=x onerror=alert(101)><script>confirm(102)</script>");
		Seen ran = detector.read(SETTLE_MILLIS);
		assertThat(ran.hooked()).as("hooks installed before the document's scripts").isTrue();
		assertThat(ran.executions()).as("a document that runs script")
			.anySatisfy(e -> assertThat(e).startsWith("alert(101)"))
			.anySatisfy(e -> assertThat(e).startsWith("confirm(102)"));

		j.driver().get("data:text/html,<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"
				+ "<title>x</title><img src=x onerror=alert(103)>");
		Seen blocked = detector.read(SETTLE_MILLIS);
		assertThat(blocked.violations()).as("a policy violation").isNotEmpty();
		assertThat(blocked.executions()).isEmpty();

		j.open("/");
		j.script("""
				document.body.insertAdjacentHTML('beforeend', '<p id=xss-self-check onclick=alert(104)>x</p>');
				document.getElementById('xss-self-check').click();
				alert(105);""");
		Seen app = detector.read(SETTLE_MILLIS);
		assertThat(app.executions()).as("a script run on the app's page").anySatisfy(e -> assertThat(e).startsWith("alert(105)"));
		assertThat(app.violations()).as("the app's policy refusing an inline handler").isNotEmpty();
		assertThat(app.dom()).as("an event handler attribute in the DOM").isNotEmpty();
		j.open("/");
		Seen home = detector.read(SETTLE_MILLIS);
		assertThat(home.clean()).as("the home page itself is clean: %s", home).isTrue();
	}

	// ------------------------------------------------------------------ writing the payloads

	record Seeded(String marker, List<Long> groupThreads, List<Integer> groupSizes, int titleThreads, int boardPages, List<Long> petitions, int petitionPages,
			List<Long> releases, List<Long> items, List<Long> launches, Member employee, Member moderator,
			Member admin, Member replier, Member petitioner, Member receiver, List<String> queries,
			String petitionTitle) {
	}

	private Seeded seed(XssPayloads corpus) throws Exception {
		ensureXssBoard();
		String marker = marker();
		List<String> texts = corpus.texts();
		Member employee = staff("xss-emp", "EMPLOYEE");
		Member moderator = staff("xss-mod", "MODERATOR");
		Member admin = staff("xss-adm", "ADMIN");
		Member replier = reputed(member("xss-rep"), 15000);
		Member petitioner = reputed(member("xss-pet"), 15000);
		Member receiver = member("xss-pts");
		List<Member> writers = List.of(reputed(member("xss-w1"), 15000), reputed(member("xss-w2"), 15000),
				reputed(member("xss-w3"), 15000));
		List<Member> voters = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			voters.add(reputed(member("xss-v" + i), 15000));
		}
		Member hider = reputed(member("xss-hide"), 15000);
		long board = boardId(BOARD);

		// Threads: one per payload group, its title as many payloads as fit, its body the group as one
		// document, and one reply per payload, so that every payload is a post of its own.
		List<Long> groupThreads = new ArrayList<>();
		List<List<Long>> groupReplies = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (Map.Entry<String, List<Payload>> group : corpus.groups().entrySet()) {
				List<String> groupTexts = group.getValue().stream().map(Payload::text).toList();
				String title = pack(groupTexts, marker + " ", 150).getFirst();
				Long thread = write("thread title", "thread body",
						() -> api.post("/api/v1/threads", Map.of("boardId", board, "title", title, "body",
								document(group.getValue())), writers.getFirst().token()));
				assertThat(thread).as("the thread of group %s", group.getKey()).isNotNull();
				groupThreads.add(thread);
				List<Future<Long>> replies = new ArrayList<>();
				for (Payload payload : group.getValue()) {
					replies.add(pool.submit(() -> write("reply body", () -> api.post("/api/v1/threads/" + thread
							+ "/replies", Map.of("body", payload.text()), replier.token()))));
				}
				List<Long> ids = new ArrayList<>();
				for (Future<Long> reply : replies) {
					ids.add(reply.get());
				}
				groupReplies.add(ids);
			}
			// More threads for the titles: every payload in a title, listed 20 to a board page and found by search
			List<String> titles = pack(texts, marker + " ", 150);
			List<Future<Long>> titled = new ArrayList<>();
			for (int i = 0; i < titles.size(); i++) {
				String title = titles.get(i);
				Member writer = writers.get(i % writers.size());
				titled.add(pool.submit(() -> write("thread title", () -> api.post("/api/v1/threads",
						Map.of("boardId", board, "title", title, "body", title), writer.token()))));
			}
			for (Future<Long> thread : titled) {
				thread.get();
			}
		}

		// Hidden replies: the hider's note (shown to moderators and to the author in their notification)
		List<String> hideNotes = pack(texts, "", 500);
		List<Long> flatReplies = groupReplies.stream().flatMap(List::stream).filter(id -> id != null).toList();
		List<Runnable> hides = new ArrayList<>();
		for (int i = 0; i < hideNotes.size() && i < flatReplies.size(); i++) {
			long reply = flatReplies.get(i * 7 % flatReplies.size());
			long thread = threadOf(reply, groupThreads, groupReplies);
			String note = hideNotes.get(i);
			hides.add(() -> write("hidden post note", () -> api.post("/api/v1/threads/" + thread + "/replies/" + reply
					+ "/hide", Map.of("reason", "other", "note", note), hider.token())));
		}
		inParallel(hides);
		// A hidden earlier version, with a note
		api.put("/api/v1/threads/" + groupThreads.getFirst(),
				Map.of("title", marker + " edited", "body", document(corpus.all().subList(0, 5))),
				writers.getFirst().token());
		Long revision = db.queryForObject(
				"select min(id) from post_revision where post_kind = 'TOPIC' and post_id = ?", Long.class,
				groupThreads.getFirst());
		write("hidden version note", () -> api.post("/api/v1/moderation/revisions/" + revision + "/hide",
				Map.of("note", hideNotes.getFirst()), moderator.token()));

		// Petitions: one per three groups, the groups' documents as description, official responses and internal
		// note, votes' device models, firmware and teams as many payloads as fit; then more petitions for titles,
		// a title of every fifth pack of payloads (a sample: titles are shown escaped, as the threads' are)
		List<Long> petitions = new ArrayList<>();
		List<String> groupPetitionTitles = new ArrayList<>();
		List<String> petitionTitles = pack(texts, marker + " ", 150);
		List<String> shortValues = pack(texts, "", 60);
		List<List<Payload>> groupList = new ArrayList<>(corpus.groups().values());
		int shortIndex = 0;
		for (int g = 0; g < groupList.size(); g += 3) {
			List<Payload> payloads = groupList.subList(g, Math.min(groupList.size(), g + 3)).stream()
				.flatMap(List::stream).toList();
			String doc = document(payloads);
			Map<String, Object> draft = new LinkedHashMap<>();
			draft.put("boardId", boardId(TALK));
			groupPetitionTitles.add(pack(payloads.stream().map(Payload::text).toList(), marker + " ", 150).getFirst());
			draft.put("title", groupPetitionTitles.getLast());
			draft.put("description", doc);
			draft.put("deviceModel", shortValues.get(shortIndex++ % shortValues.size()));
			draft.put("firmwareVersion", shortValues.get(shortIndex++ % shortValues.size()));
			Long petition = write("petition title", "petition description", "petition device model",
					"petition firmware", () -> api.post("/api/v1/petitions", draft, petitioner.token()));
			assertThat(petition).isNotNull();
			petitions.add(petition);
			for (Member voter : voters) {
				String device = shortValues.get(shortIndex++ % shortValues.size());
				write("vote device model", () -> api.put("/api/v1/petitions/" + petition + "/vote",
						Map.of("deviceModel", device), voter.token()));
			}
			String status = petitions.size() % 2 == 1 ? "planned" : "under_review";
			write("status change response", () -> api.post("/api/v1/petitions/" + petition + "/status",
					Map.of("status", status, "response", doc), employee.token()));
			write("official response", () -> api.post("/api/v1/petitions/" + petition + "/responses",
					Map.of("response", doc), employee.token()));
			write("internal note", () -> api.post("/api/v1/petitions/" + petition + "/notes", Map.of("body", doc),
					employee.token()));
			String team = shortValues.get(shortIndex++ % shortValues.size());
			write("assigned team", () -> api.put("/api/v1/petitions/" + petition + "/assignee", Map.of("team", team),
					employee.token()));
		}
		List<Runnable> titledPetitions = new ArrayList<>();
		long talk = boardId(TALK);
		for (int i = 0; i < petitionTitles.size(); i += 5) {
			String title = petitionTitles.get(i);
			titledPetitions.add(() -> write("petition title", () -> api.post("/api/v1/petitions",
					Map.of("boardId", talk, "title", title, "description", title), petitioner.token())));
		}
		inParallel(titledPetitions);

		// Releases: notes in Markdown, versions; published, so the public pages show them
		List<Long> releases = new ArrayList<>();
		List<String> versions = pack(texts, "", 40);
		List<List<Payload>> groups = new ArrayList<>(corpus.groups().values());
		for (int i = 0; i < groups.size(); i += 5) {
			List<Payload> notes = groups.subList(i, Math.min(groups.size(), i + 5)).stream().flatMap(List::stream).toList();
			String version = versions.get(i % versions.size());
			Long release = write("release version", () -> api.post("/api/v1/releases",
					Map.of("version", version, "notes", document(notes)), employee.token()));
			if (release != null) {
				count("release notes", true);
			}
			else {
				release = write("release notes", () -> api.post("/api/v1/releases",
						Map.of("version", "xss-" + marker + "-" + releases.size(), "notes", document(notes)),
						employee.token()));
			}
			long id = release;
			api.post("/api/v1/releases/" + id + "/publish", Map.of(), employee.token());
			releases.add(id);
		}

		// Shop items: titles and descriptions in both languages
		List<Long> items = new ArrayList<>();
		List<String> itemTitles = pack(texts, "", 120);
		List<String> itemTexts = pack(texts, "", 2000);
		for (int i = 0; i < itemTexts.size(); i++) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("titleEn", itemTitles.get((2 * i) % itemTitles.size()));
			item.put("titleZh", itemTitles.get((2 * i + 1) % itemTitles.size()));
			item.put("descriptionEn", itemTexts.get(i));
			item.put("descriptionZh", itemTexts.get((i + 1) % itemTexts.size()));
			item.put("kind", "coupon");
			item.put("price", 1);
			item.put("stock", 5);
			Long id = write("shop item titles", "shop item descriptions",
					() -> api.post("/api/v1/admin/shop/items", item, admin.token()));
			if (id != null) {
				items.add(id);
			}
		}

		// Launches: the product's name
		List<Long> launches = new ArrayList<>();
		List<String> products = pack(texts, "", 120);
		for (int i = 0; i < products.size(); i += Math.max(1, products.size() / 6)) {
			String product = products.get(i);
			Long id = write("launch product", () -> api.post("/api/v1/launches", Map.of("product", product, "slots", 5,
					"opensAt", Instant.now().plus(Duration.ofDays(1)).toString()), employee.token()));
			if (id != null) {
				launches.add(id);
			}
		}

		// Points adjustments: the reason, shown to admins and in the member's history and notifications
		for (String reason : pack(texts, "", 500)) {
			write("points adjustment reason", () -> api.post("/api/v1/admin/members/" + receiver.username()
					+ "/points-adjustments", Map.of("amount", 1, "reason", reason), admin.token()));
		}

		// Names and tags have rules of their own that no payload passes: refused, never stored
		List<Runnable> refusals = new ArrayList<>();
		for (String name : spread(pack(texts, "", 32), 20)) {
			refusals.add(() -> refused("username", api.post("/api/v1/members", Map.of("username", name, "email",
					marker + "-" + Math.abs(name.hashCode()) + "@example.com", "password", "a long passphrase 2026"),
					null)));
		}
		for (String tag : spread(pack(texts, "", 30), 20)) {
			refusals.add(() -> refused("petition tag", api.post("/api/v1/petitions", Map.of("boardId", talk, "title",
					marker + " tagged", "description", "x", "tags", List.of(tag)), petitioner.token())));
		}
		inParallel(refusals);

		int boardPages = (groupThreads.size() + titles(texts, marker).size() + 19) / 20;
		int petitionPages = (petitions.size() + petitionTitles.size() / 5 + 1 + 19) / 20;
		// Search queries echoed on the results page: a sample spread over the corpus
		List<String> queries = spread(pack(texts, "", 200), 4);
		List<Integer> groupSizes = corpus.groups().values().stream().map(List::size).toList();
		return new Seeded(marker, groupThreads, groupSizes, titles(texts, marker).size(), boardPages, petitions, petitionPages, releases, items, launches,
				employee, moderator, admin, replier, petitioner, receiver, queries, groupPetitionTitles.getFirst());
	}

	/** Independent writes four at a time: the server works on them while the test waits for answers. */
	private static void inParallel(List<Runnable> writes) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<?>> running = writes.stream().<Future<?>>map(pool::submit).toList();
			for (Future<?> write : running) {
				write.get();
			}
		}
	}

	/** About {@code count} of the values, spread evenly over them. */
	private static List<String> spread(List<String> values, int count) {
		List<String> picked = new ArrayList<>();
		for (int i = 0; i < values.size(); i += Math.max(1, values.size() / count)) {
			picked.add(values.get(i));
		}
		return picked;
	}

	private static List<String> titles(List<String> texts, String marker) {
		return pack(texts, marker + " ", 150);
	}

	private static long threadOf(long reply, List<Long> threads, List<List<Long>> replies) {
		for (int i = 0; i < threads.size(); i++) {
			if (replies.get(i).contains(reply)) {
				return threads.get(i);
			}
		}
		throw new IllegalStateException("reply " + reply + " in no thread");
	}

	private synchronized void ensureXssBoard() {
		if (boards.find(BOARD).isEmpty()) {
			boards.create(BOARD, "XSS suite", "Made by the XSS suite.", BoardKind.DISCUSSION);
		}
	}

	/**
	 * Writes through the API and counts the answer for each field the write filled: stored (2xx) or
	 * refused by a rule (4xx). A 5xx is a bug, never an answer to hostile text.
	 */
	private Long write(String field, Supplier<Response> call) {
		return write(new String[] { field }, call);
	}

	private Long write(String field, String other, Supplier<Response> call) {
		return write(new String[] { field, other }, call);
	}

	private Long write(String a, String b, String c, String d, Supplier<Response> call) {
		return write(new String[] { a, b, c, d }, call);
	}

	private Long write(String[] names, Supplier<Response> call) {
		Response response = call.get();
		assertThat(response.status()).as("%s: %s", String.join(", ", names), response).isLessThan(500);
		boolean stored = response.status() < 300;
		for (String name : names) {
			count(name, stored);
		}
		if (!stored) {
			refusal(String.join("/", names), response);
		}
		if (!stored || response.body() == null || response.body().isBlank()) {
			return null;
		}
		return response.json().has("id") ? response.json().get("id").asLong() : -1L;
	}

	private void refused(String field, Response response) {
		assertThat(response.status()).as("%s: %s", field, response).isBetween(400, 499);
		count(field, false);
		refusal(field, response);
	}

	private void refusal(String field, Response response) {
		String why = response.isProblem() ? response.json().path("type").asString("") + " "
				+ response.json().path("detail").asString("") : String.valueOf(response.status());
		synchronized (refusedAs) {
			java.util.Set<String> reasons = refusedAs.computeIfAbsent(field, f -> new java.util.TreeSet<>());
			if (reasons.size() < 3) {
				reasons.add(why.length() > 160 ? why.substring(0, 160) : why);
			}
		}
	}

	private void count(String field, boolean stored) {
		synchronized (fields) {
			fields.computeIfAbsent(field, n -> new int[2])[stored ? 0 : 1]++;
		}
	}

	// ------------------------------------------------------------------ reading them in the browser

	private void browse(Journey j, XssDetector detector, Seeded s) {
		j.signIn(s.employee().username(), PASSWORD);
		for (int i = 0; i < s.groupThreads().size(); i++) {
			for (int page = 1; page <= (s.groupSizes().get(i) + 19) / 20; page++) {
				visit(j, detector, "/threads/" + s.groupThreads().get(i) + "?page=" + page);
			}
		}
		visit(j, detector, "/threads/" + s.groupThreads().getFirst() + "/history");
		for (int page = 1; page <= s.boardPages(); page++) {
			visit(j, detector, "/boards/" + BOARD + "?sort=newest&page=" + page);
		}
		visit(j, detector, "/");
		// Search finds the titled threads once Elasticsearch has them (indexed meanwhile, after each write)
		Await.until(Duration.ofSeconds(90), () -> api.get("/api/v1/search?q=" + s.marker(), null).json()
			.path("totalItems").asLong() >= s.titleThreads());
		for (int page = 1; page <= (s.titleThreads() + 9) / 10; page++) {
			visit(j, detector, "/search?q=" + s.marker() + "&page=" + page);
		}
		for (String query : s.queries()) {
			visit(j, detector, "/search?q=" + encode(query));
		}
		for (int page = 1; page <= s.petitionPages(); page++) {
			visit(j, detector, "/petitions?sort=newest&page=" + page);
		}
		for (long petition : s.petitions()) {
			visit(j, detector, "/petitions/" + petition);
		}
		// similar.js writes the titles of similar petitions into the form while the title is typed
		Await.until(Duration.ofSeconds(30), () -> api
			.get("/api/v1/petitions/similar?limit=5&title=" + encode(s.petitionTitle()), null)
			.body()
			.contains("\"id\":" + s.petitions().getFirst() + ","));
		j.open("/petitions/new");
		j.choose("#boardId", String.valueOf(boardId(TALK))).type("#title", s.petitionTitle());
		j.find("#similar a[href^='/petitions/']");
		check("/petitions/new, similar petitions while typing", detector, null);
		visit(j, detector, "/roadmap");
		visit(j, detector, "/triage");
		visit(j, detector, "/releases");
		for (long release : s.releases()) {
			visit(j, detector, "/releases/" + release);
		}
		visit(j, detector, "/launches");
		visit(j, detector, "/launches/" + s.launches().getFirst());
		visit(j, detector, "/members/" + s.replier().username() + "?tab=replies");
		visit(j, detector, "/members/" + s.petitioner().username());
		echoes(j, detector, s);

		j.as(s.admin().username(), PASSWORD);
		visit(j, detector, "/shop");
		visit(j, detector, "/shop/" + s.items().getFirst());
		visit(j, detector, "/admin/shop");
		visit(j, detector, "/admin/points");
		visit(j, detector, "/admin/members/" + s.receiver().username() + "/points");
		visit(j, detector, "/admin/audit");
		visit(j, detector, "/admin/audit?page=2");

		j.as(s.moderator().username(), PASSWORD);
		visit(j, detector, "/moderation");
		visit(j, detector, "/moderation?page=2");
		visit(j, detector, "/threads/" + s.groupThreads().getFirst() + "/history");

		j.as(s.replier().username(), PASSWORD);
		visit(j, detector, "/notifications");
		visit(j, detector, "/threads/" + s.groupThreads().getFirst());

		j.as(s.petitioner().username(), PASSWORD);
		visit(j, detector, "/notifications");

		j.as(s.receiver().username(), PASSWORD);
		visit(j, detector, "/notifications");
		visit(j, detector, "/notifications?page=2");
		visit(j, detector, "/points");
		visit(j, detector, "/points?page=2");
	}

	/** Pages that repeat what a person typed into a form the app refused: the value comes back in the form. */
	private void echoes(Journey j, XssDetector detector, Seeded s) {
		for (String title : s.queries().subList(0, 2)) {
			submitted(j, detector, "/boards/" + BOARD + "/new", "/boards/" + BOARD + "/threads",
					Map.of("title", title, "body", ""));
			submitted(j, detector, "/petitions/new", "/petitions", Map.of("title", title, "description", ""));
		}
		j.freshSession();
		for (String name : s.queries().subList(2, 3)) {
			submitted(j, detector, "/register", "/register",
					Map.of("username", name, "email", name, "password", "", "confirmPassword", ""));
		}
		j.signIn(s.employee().username(), PASSWORD);
	}

	/** Fills a form's fields as typed (no length or format checks of the browser) and sends it. */
	private void submitted(Journey j, XssDetector detector, String page, String action, Map<String, String> values) {
		j.open(page);
		j.script("""
				const form = document.querySelector("form[action^='" + arguments[0] + "']");
				for (const [name, value] of Object.entries(arguments[1])) {
				  const field = form.elements[name];
				  if (field) { field.removeAttribute('maxlength'); field.value = value; }
				}
				window.__leaving = true;
				HTMLFormElement.prototype.submit.call(form);
				""", action, values);
		j.until("the answer to the form on " + page, d -> !Boolean.TRUE.equals(j.script("return window.__leaving === true"))
				&& "complete".equals(j.script("return document.readyState")));
		check(page + " (sent back with errors)", detector, null);
	}

	private void browseInChinese(Journey zh, XssDetector detector, Seeded s) {
		zh.signIn(s.employee().username(), PASSWORD);
		visit(zh, detector, "/threads/" + s.groupThreads().getFirst());
		visit(zh, detector, "/boards/" + BOARD + "?sort=newest");
		visit(zh, detector, "/search?q=" + s.marker());
		visit(zh, detector, "/petitions/" + s.petitions().getFirst());
		visit(zh, detector, "/releases/" + s.releases().getFirst());
		visit(zh, detector, "/launches");
		zh.as(s.admin().username(), PASSWORD);
		visit(zh, detector, "/shop");
		visit(zh, detector, "/admin/points");
		visit(zh, detector, "/admin/audit");
		zh.as(s.receiver().username(), PASSWORD);
		visit(zh, detector, "/notifications");
	}

	private void visit(Journey j, XssDetector detector, String path) {
		j.open(path);
		check(path, detector, j.address().toString());
	}

	private void check(String page, XssDetector detector, String expectedUrl) {
		Seen seen = detector.read(SETTLE_MILLIS);
		pages++;
		executions += seen.executions().size();
		violations += seen.violations().size();
		if (!seen.hooked()) {
			findings.add(page + ": the detector's hooks were missing");
		}
		seen.executions().forEach(e -> findings.add(page + ": ran " + e));
		seen.violations().forEach(v -> findings.add(page + ": policy violation " + v));
		seen.dom().forEach(d -> findings.add(page + ": " + d));
		if (expectedUrl != null && !stripFragment(seen.url()).equals(stripFragment(expectedUrl))) {
			findings.add(page + ": the browser went to " + seen.url());
		}
	}

	private static String stripFragment(String url) {
		int hash = url.indexOf('#');
		return hash < 0 ? url : url.substring(0, hash);
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	/** The figures, printed and written to {@code target/browser/xss-suite.txt}: wall and CPU time of each part. */
	private void report(XssPayloads corpus, double[] wall, double[] cpu) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "XSS suite: %d payloads in %d groups, %d fields, %d pages opened "
				+ "(en and zh-CN), %d script executions, %d CSP violations, %d findings", corpus.all().size(),
				corpus.groups().size(), fields.size(), pages, executions, violations, findings.size()));
		lines.add(String.format(Locale.ROOT, "XSS suite time: writing %.1f s (CPU %.1f s), browsing %.1f s (CPU %.1f s), "
				+ "%.1f s in all (CPU %.1f s: test JVM, Chromium and the services, %d cores, load average %.1f)", wall[0],
				cpu[0], wall[1], cpu[1], wall[2], cpu[2], Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		fields.forEach((name, counts) -> lines.add(String.format(Locale.ROOT, "  %-26s %4d stored, %4d refused", name,
				counts[0], counts[1])));
		refusedAs.forEach((field, why) -> lines.add("  " + field + " refused as: " + String.join(" | ", why)));
		findings.stream().limit(50).forEach(f -> lines.add("  FINDING " + f));
		lines.forEach(System.out::println);
		BrowserRun.write(BrowserRun.OUTPUT.resolve("xss-suite.txt"), String.join("\n", lines) + "\n", false);
	}
}
