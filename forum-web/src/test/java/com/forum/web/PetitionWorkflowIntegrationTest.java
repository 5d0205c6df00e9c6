package com.forum.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PetitionWorkflowIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	@Value("${forum.mail.sink-file}")
	Path sinkFile;

	/** How many event deliveries a node runs at once. */
	@Value("${forum.events.listener-concurrency:16}")
	int listenersAtOnce;

	ApiClient api;

	String employee;

	long board;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		employee = api.token("employee", "employee-demo-2026");
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void statusChangesAreKeptInAPublicHistoryWithOfficialResponses() {
		Member author = api.newMember("asker");
		long id = submit(author, "Lock screen weather widget");

		assertThat(status(id, "under_review", null).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/petitions/" + id + "/responses", Map.of("response", "The team likes it."),
				employee).status()).isEqualTo(201);
		Response declined = status(id, "declined", "Conflicts with the always-on display.");
		Response noReason = status(id, "under_review", null);
		Response reopened = status(id, "under_review", "Reopened: new design removes the conflict.");
		Response notAllowed = status(id, "shipped", null);

		assertThat(declined.json().get("status").asString()).isEqualTo("declined");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(reopened.json().get("status").asString()).isEqualTo("under_review");
		assertThat(notAllowed.status()).isEqualTo(409);
		assertThat(notAllowed.json().get("type").asString()).isEqualTo("/problems/rules/transition-not-allowed");

		JsonNode history = api.get("/api/v1/petitions/" + id + "/history", null).json().get("items");
		assertThat(history.size()).isEqualTo(4);
		assertThat(history.get(0).get("from").asString()).isEqualTo("submitted");
		assertThat(history.get(0).get("to").asString()).isEqualTo("under_review");
		assertThat(history.get(1).get("statusChange").asBoolean()).isFalse();
		assertThat(history.get(1).get("response").asString()).isEqualTo("The team likes it.");
		assertThat(history.get(2).get("response").asString()).isEqualTo("Conflicts with the always-on display.");
		assertThat(history).allSatisfy(entry -> {
			assertThat(entry.get("official").asBoolean()).isTrue();
			assertThat(entry.get("actor").get("username").asString()).isEqualTo("employee");
		});
	}

	@Test
	void aDuplicateMovesItsVotersOntoTheOriginalCountingOverlapsOnce() {
		Member a = api.newMember("a");
		Member b = api.newMember("b");
		Member both = api.newMember("both");
		Member onlyDuplicate = api.newMember("onlydup");
		long original = submit(a, "Dual app clock widget");
		long duplicate = submit(b, "Two clocks widget for travel");
		api.put("/api/v1/petitions/" + original + "/vote", Map.of(), both.token());
		api.put("/api/v1/petitions/" + duplicate + "/vote", Map.of(), both.token());
		api.put("/api/v1/petitions/" + duplicate + "/vote", Map.of(), onlyDuplicate.token());
		assertThat(votes(original)).isEqualTo(2);
		assertThat(votes(duplicate)).isEqualTo(3);

		Response merged = api.post("/api/v1/petitions/" + duplicate + "/status",
				Map.of("status", "duplicate", "duplicateOfId", original, "response", "Same ask as #" + original),
				employee);

		assertThat(merged.json().get("duplicateOfId").asLong()).isEqualTo(original);
		assertThat(votes(original)).isEqualTo(4);
		assertThat(votes(duplicate)).isZero();
		// backers of the duplicate hear of the merge once, wherever their vote now is
		Await.until(Duration.ofSeconds(10), () -> unread(onlyDuplicate) == 1 && unread(b) == 1 && unread(both) == 1);
		assertThat(api.get("/api/v1/notifications", onlyDuplicate.token()).json().get("items").get(0).get("title")
			.asString()).contains("Two clocks widget for travel", "merged into", "Dual app clock widget");
		Response lateVote = api.put("/api/v1/petitions/" + duplicate + "/vote", Map.of(), api.newMember("late").token());
		assertThat(lateVote.status()).isEqualTo(409);
		assertThat(lateVote.json().get("type").asString()).isEqualTo("/problems/rules/petition-merged");
		assertThat(api.get("/api/v1/triage/vote-audit", employee).json().get("consistent").asBoolean()).isTrue();
	}

	@Test
	void internalNotesNeverReachMembers() {
		Member author = api.newMember("noted");
		String secret = "internal-" + UUID.randomUUID();
		long id = submit(author, "Faster charging animation " + secret.substring(0, 4));
		assertThat(api.post("/api/v1/petitions/" + id + "/notes", Map.of("body", secret), employee).status())
			.isEqualTo(201);
		status(id, "under_review", "Looking at it");

		assertThat(api.get("/api/v1/petitions/" + id + "/notes", employee).body()).contains(secret);
		assertThat(api.get("/api/v1/petitions/" + id + "/notes", author.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/petitions/" + id + "/notes", null).status()).isEqualTo(401);
		List<String> seenByMember = List.of(api.get("/api/v1/petitions/" + id, author.token()).body(),
				api.get("/api/v1/petitions/" + id + "/history", null).body(),
				api.get("/api/v1/petitions?sort=newest&size=100", null).body(),
				api.get("/api/v1/petitions/similar?title=" + secret, null).body(),
				api.get("/api/v1/search?q=" + secret, null).body(), api.page("/petitions/" + id));
		assertThat(seenByMember).noneMatch(body -> body.contains(secret));
		Await.until(Duration.ofSeconds(10),
				() -> api.get("/api/v1/notifications", author.token()).json().get("totalItems").asLong() >= 1);
		assertThat(api.get("/api/v1/notifications", author.token()).body()).doesNotContain(secret);
		assertThat(jdbc.queryForObject("select count(*) from outgoing_email where body like ?", Long.class,
				"%" + secret + "%")).isZero();
		String export = api.download("/api/v1/triage/export", employee).body();
		assertThat(export).contains("Faster charging animation").doesNotContain(secret);
	}

	@Test
	void authorVotersAndFollowersAreToldOnceTheActorAndTheMutedNot() {
		Member author = api.newMember("author");
		Member voter = api.newMember("voter");
		Member follower = api.newMember("follower");
		Member muted = api.newMember("muted");
		long id = submit(author, "Battery health percentage");
		api.put("/api/v1/petitions/" + id + "/vote", Map.of("deviceModel", "Xiaomi 17"), voter.token());
		api.put("/api/v1/petitions/" + id + "/vote", Map.of(), muted.token());
		api.put("/api/v1/petitions/" + id + "/subscription", Map.of("mode", "follow"), follower.token());
		api.put("/api/v1/petitions/" + id + "/subscription", Map.of("mode", "mute"), muted.token());
		long before = System.nanoTime();

		status(id, "planned", "Coming in the next build.");

		Duration told = Await.until(Duration.ofSeconds(10), () -> unread(author) == 1 && unread(voter) == 1
				&& unread(follower) == 1);
		System.out.printf("voters told of a status change within %d ms%n", told.toMillis());
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
		assertThat(unread(muted)).isZero();
		assertThat(api.get("/api/v1/notifications/unread-count", employee).json().get("unread").asLong())
			.isEqualTo(unreadOfAnyKind(employee));
		JsonNode item = api.get("/api/v1/notifications", voter.token()).json().get("items").get(0);
		assertThat(item.get("title").asString()).contains("Battery health percentage", "planned");
		assertThat(item.get("body").asString()).isEqualTo("Coming in the next build.");
		assertThat(item.get("link").asString()).isEqualTo("/petitions/" + id);
		Await.until(Duration.ofSeconds(10), () -> jdbc.queryForObject(
				"select count(*) from outgoing_email where dedupe_key like 'status:%' and sent_at is not null "
						+ "and recipient_id in (select id from member where username in (?, ?, ?))",
				Long.class, author.username(), voter.username(), follower.username()) == 3);

		api.post("/api/v1/notifications/read-all", null, voter.token());
		assertThat(unread(voter)).isZero();
	}

	@Test
	void backersChooseWhetherPetitionNewsAlsoComesByMailStaysInTheCentreOrStops() {
		Member author = api.newMember("mailed");
		Member centreOnly = api.newMember("centred");
		Member silenced = api.newMember("silenced");
		long id = submit(author, "Per-app refresh rate");
		api.put("/api/v1/petitions/" + id + "/vote", Map.of(), centreOnly.token());
		api.put("/api/v1/petitions/" + id + "/vote", Map.of(), silenced.token());
		assertThat(api.get("/api/v1/notifications/preferences", author.token()).json().get("channels")
			.get("petition-status").asString()).as("backers hear by mail unless they say otherwise").isEqualTo("email");
		api.put("/api/v1/notifications/preferences", Map.of("channels", Map.of("petition-status", "centre")),
				centreOnly.token());
		api.put("/api/v1/notifications/preferences", Map.of("channels", Map.of("petition-status", "off")),
				silenced.token());

		status(id, "planned", "Next build.");
		// the one turned off is told of the official response, a kind of its own, so its absence below is the
		// preference and not a delivery still on its way
		api.post("/api/v1/petitions/" + id + "/responses", Map.of("response", "Per app, yes."), employee);
		Await.until(Duration.ofSeconds(10), () -> unread(author) == 2 && unread(centreOnly) == 2
				&& unread(silenced) == 1 && mailed(author, "response:%") == 1);

		assertThat(latestPetitionNews(silenced).get("kind").asString()).isEqualTo("petition-response");
		assertThat(mailed(author, "status:%")).isEqualTo(1);
		assertThat(mailed(centreOnly, "status:%")).as("the centre alone").isZero();
		assertThat(mailed(centreOnly, "response:%")).as("its other kinds keep the default").isEqualTo(1);
		assertThat(mailed(silenced, "status:%")).isZero();
	}

	private long mailed(Member member, String keys) {
		return jdbc.queryForObject("select count(*) from outgoing_email where dedupe_key like ? "
				+ "and recipient_id = (select id from member where username = ?)", Long.class, keys, member.username());
	}

	@Test
	void aNotificationIsDeliveredOnceEvenWhenTheProcessDiesBeforeAcknowledging() {
		Member author = api.newMember("crash");
		long id = submit(author, "Notification history log");
		status(id, "under_review", "On our list.");
		Await.until(Duration.ofSeconds(10), () -> unread(author) == 1);

		// as after a crash between writing the notifications and recording the delivery as complete:
		// the publication is owed again, and the retry job hands the same event over once more
		String publication = """
				where listener_id like '%PetitionNotifier%' and event_type like '%PetitionStatusChanged'
				  and (serialized_event::jsonb -> 'petitionId' ->> 'value')::bigint = ?""";
		Await.until(Duration.ofSeconds(10),
				() -> jdbc.queryForObject("select count(*) from event_publication_archive " + publication, Long.class,
						id) == 1);
		int redelivered = jdbc.update("""
				with reopened as (delete from event_publication_archive %s returning *)
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				select id, listener_id, event_type, serialized_event, publication_date, 'FAILED', 0 from reopened"""
			.formatted(publication), id);
		assertThat(redelivered).isEqualTo(1);
		Await.until(Duration.ofSeconds(10),
				() -> jdbc.queryForObject("select count(*) from event_publication_archive " + publication, Long.class,
						id) == 1);

		assertThat(unread(author)).isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				select count(*) from outgoing_email e join member m on m.id = e.recipient_id
				where m.username = ? and e.dedupe_key not like 'account:%'""",
				Long.class, author.username())).isEqualTo(1);
	}

	@Test
	void mailQueuedTwiceIsSentOnceEvenWhenBothDeliveriesRunAtOnce() {
		Member author = api.newMember("twice");
		long id = submit(author, "Mail that is queued twice");
		for (int i = 0; i < 20; i++) {
			api.put("/api/v1/petitions/" + id + "/vote", Map.of(), SeededMember.create(jdbc, "twice", "MEMBER").token());
		}
		status(id, "under_review", "Queued twice, sent once.");
		PetitionFanOut fanOut = new PetitionFanOut(jdbc, id);
		Await.until(Duration.ofSeconds(30), () -> fanOut.owed() == 0);
		Map<String, Long> before = fanOut.timesSent(MailSinkFile.sentCounts(sinkFile));
		assertThat(before).hasSize(21).allSatisfy((mail, times) -> assertThat(times).isEqualTo(1));

		// As when the notifier's event is redelivered (its node died after writing the notifications but
		// before recording completion) while the mail it queued is still unsent: two deliveries for the
		// same unsent mail, which the retry job hands over together.
		jdbc.update("update outgoing_email set sent_at = null where body like ?", "%\n" + fanOut.link());
		assertThat(jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				select gen_random_uuid(), listener_id, event_type, serialized_event, publication_date, 'FAILED', 0
				from event_publication_archive, generate_series(1, 2)
				where listener_id like '%MailSender%'
				  and serialized_event::jsonb ->> 'dedupeKey' in (select dedupe_key from notification where link = ?)""",
				fanOut.link())).isEqualTo(2);
		Await.until(Duration.ofSeconds(30), () -> fanOut.owed() == 0);

		Map<String, Long> after = fanOut.timesSent(MailSinkFile.sentCounts(sinkFile));
		assertThat(after).allSatisfy((mail, times) -> assertThat(times).as(mail).isEqualTo(2));
	}

	@Test
	void aPetitionShippedInADraftReleaseShipsForThePublicAndItsBackersOnlyWhenTheReleaseIsPublished() {
		Member author = api.newMember("shipper");
		Member early = api.newMember("early");
		Member later = api.newMember("later");
		long id = submit(author, "Screen recorder with internal audio");
		api.put("/api/v1/petitions/" + id + "/vote", Map.of(), early.token());
		api.put("/api/v1/petitions/" + id + "/vote", Map.of(), later.token());
		status(id, "planned", "Planned.");
		Await.until(Duration.ofSeconds(10), () -> unread(later) == 1);
		String version = "OS3.0." + (System.nanoTime() % 100_000);
		Response release = api.post("/api/v1/releases", Map.of("version", version), employee);
		assertThat(release.status()).isEqualTo(201);
		long releaseId = release.json().get("id").asLong();
		assertThat(release.json().get("releaseAt").asString()).endsWith("T04:00:00Z");
		java.sql.Timestamp before = jdbc.queryForObject("select now()", java.sql.Timestamp.class);

		Response shipped = api.post("/api/v1/releases/" + releaseId + "/petitions",
				Map.of("petitionId", id, "response", "Now in **" + version + "**."), employee);

		assertThat(shipped.status()).isEqualTo(200);
		assertThat(shipped.json().get("shipped").get(0).get("petition").get("id").asLong()).isEqualTo(id);
		JsonNode seen = api.get("/api/v1/petitions/" + id, later.token()).json();
		assertThat(seen.get("status").asString()).isEqualTo("planned");
		assertThat(seen.get("releaseId").isNull()).isTrue();
		assertThat(api.get("/api/v1/petitions/" + id + "/history", null).body()).doesNotContain("shipped", version);
		assertThat(api.page("/petitions/" + id)).contains("Screen recorder").doesNotContain("Shipped in", version);
		assertThat(ids(api.get("/api/v1/roadmap", null).json().get("shipped"))).doesNotContain(id);
		assertThat(ids(api.get("/api/v1/petitions?status=shipped&sort=newest&size=100", null).json().get("items")))
			.doesNotContain(id);
		assertThat(publicationsAbout(id, releaseId, before, "")).as("events for notifications or the search index")
			.isZero();
		JsonNode triaged = api.get("/api/v1/triage/petitions?status=planned&sort=newest&size=200", employee).json();
		assertThat(triaged.get("items").valueStream().filter(item -> item.get("petition").get("id").asLong() == id))
			.singleElement()
			.satisfies(item -> assertThat(item.get("scheduledReleaseId").asLong()).isEqualTo(releaseId));

		Response published = api.post("/api/v1/releases/" + releaseId + "/publish", null, employee);

		assertThat(published.json().get("publishedAt").isNull()).isFalse();
		JsonNode credit = published.json().get("shipped").get(0);
		assertThat(credit.get("petition").get("status").asString()).isEqualTo("shipped");
		assertThat(credit.get("petition").get("author").get("username").asString()).isEqualTo(author.username());
		assertThat(credit.get("earliestBackers").get(0).asString()).isEqualTo(early.username());
		assertThat(credit.get("earliestBackers").get(1).asString()).isEqualTo(later.username());
		JsonNode petition = api.get("/api/v1/petitions/" + id, null).json();
		assertThat(petition.get("status").asString()).isEqualTo("shipped");
		assertThat(petition.get("releaseId").asLong()).isEqualTo(releaseId);
		JsonNode history = api.get("/api/v1/petitions/" + id + "/history", null).json().get("items");
		JsonNode shipping = history.get(history.size() - 1);
		assertThat(shipping.get("from").asString()).isEqualTo("planned");
		assertThat(shipping.get("to").asString()).isEqualTo("shipped");
		assertThat(shipping.get("response").asString()).isEqualTo("Now in **" + version + "**.");
		assertThat(api.page("/petitions/" + id)).contains("Shipped in", version);
		assertThat(ids(api.get("/api/v1/roadmap", null).json().get("shipped"))).contains(id);

		Await.until(Duration.ofSeconds(10), () -> api.get("/api/v1/notifications", later.token()).body()
			.contains("shipped in " + version));
		Await.until(Duration.ofSeconds(10),
				() -> publicationsAbout(id, releaseId, before, "and completion_date is null") == 0);
		for (Member backer : List.of(author, early, later)) {
			assertThat(unread(backer)).as(backer.username()).isEqualTo(2);
			assertThat(latestPetitionNews(backer).get("title").asString()).isEqualTo("“Screen recorder with internal audio” shipped in " + version);
		}
		assertThat(api.post("/api/v1/releases/" + releaseId + "/publish", null, employee).status()).isEqualTo(409);
	}

	@Test
	void draftReleasesAreForEmployeesAndThePublicListPagesThroughPublishedOnes() {
		String draftVersion = "draft-" + System.nanoTime() % 100_000;
		String outVersion = "out-" + System.nanoTime() % 100_000;
		long draft = api.post("/api/v1/releases", Map.of("version", draftVersion), employee).json().get("id").asLong();
		long out = api.post("/api/v1/releases", Map.of("version", outVersion), employee).json().get("id").asLong();
		api.post("/api/v1/releases/" + out + "/publish", null, employee);
		String member = api.newMember("reader").token();

		for (String reader : java.util.Arrays.asList(null, member)) {
			Response hidden = api.get("/api/v1/releases/" + draft, reader);
			assertThat(hidden.status()).isEqualTo(404);
			assertThat(hidden.json().get("type").asString()).isEqualTo("/problems/not-found");
			assertThat(api.get("/api/v1/releases/" + out, reader).status()).isEqualTo(200);
		}
		assertThat(api.get("/api/v1/releases/" + draft, employee).status()).isEqualTo(200);

		long published = jdbc.queryForObject("select count(*) from release where published_at is not null", Long.class);
		JsonNode visible = api.get("/api/v1/releases?size=1&page=1", null).json();
		assertThat(visible.get("totalItems").asLong()).isEqualTo(published);
		JsonNode last = api.get("/api/v1/releases?size=1&page=" + visible.get("totalPages").asLong(), member).json();
		assertThat(last.get("items").size()).as("the last public page is never empty").isEqualTo(1);
		assertThat(api.get("/api/v1/releases?size=100", null).json().get("items").findValues("publishedAt"))
			.noneMatch(JsonNode::isNull);
		assertThat(api.get("/api/v1/releases?size=1", employee).json().get("totalItems").asLong())
			.isEqualTo(jdbc.queryForObject("select count(*) from release", Long.class));
		assertThat(api.page("/releases")).contains(outVersion).doesNotContain(draftVersion, "No releases yet");
	}

	@Test
	void twoEmployeesChangingOnePetitionAtOnceGetOneChangeMadeAndAConflictProblem() throws Exception {
		long id = submit(api.newMember("contested"), "Camera shutter sound toggle");
		String admin = api.token("admin", "admin-demo-2026");
		Response camera;
		Response display;
		// a third transaction holds the row, so that both requests read the same version before
		// either can write; letting go of it lets them race to write
		try (Connection holder = dataSource.getConnection(); ExecutorService both = Executors.newFixedThreadPool(2)) {
			holder.setAutoCommit(false);
			try (PreparedStatement hold = holder.prepareStatement("select id from petition where id = ? for share")) {
				hold.setLong(1, id);
				hold.executeQuery().close();
			}
			Future<Response> first = both.submit(
					() -> api.put("/api/v1/petitions/" + id + "/assignee", Map.of("team", "camera"), employee));
			Future<Response> second = both.submit(
					() -> api.put("/api/v1/petitions/" + id + "/assignee", Map.of("team", "display"), admin));
			Await.until(Duration.ofSeconds(20), () -> jdbc.queryForObject("""
					select count(*) from pg_stat_activity
					where wait_event_type = 'Lock' and query ilike 'update petition set%'""", Long.class) == 2);
			holder.commit();
			camera = first.get();
			display = second.get();
		}

		assertThat(List.of(camera.status(), display.status())).containsExactlyInAnyOrder(204, 409);
		Response conflict = camera.status() == 409 ? camera : display;
		assertThat(conflict.isProblem()).isTrue();
		assertThat(conflict.json().get("type").asString()).isEqualTo("/problems/concurrent-change");
		assertThat(conflict.json().get("status").asInt()).isEqualTo(409);
		String winner = camera.status() == 204 ? "camera" : "display";
		assertThat(jdbc.queryForObject("select assignee_team from petition where id = ?", String.class, id))
			.isEqualTo(winner);
	}

	@Test
	void membersGetForbiddenProblemsOnEveryTriageAction() {
		Member member = api.newMember("nosy");
		long id = submit(member, "Let me triage my own petition");
		String token = member.token();
		List<Response> attempts = List.of(
				api.post("/api/v1/petitions/" + id + "/status", Map.of("status", "planned"), token),
				api.post("/api/v1/petitions/" + id + "/responses", Map.of("response", "official?"), token),
				api.post("/api/v1/petitions/" + id + "/notes", Map.of("body", "note"), token),
				api.get("/api/v1/petitions/" + id + "/notes", token),
				api.put("/api/v1/petitions/" + id + "/assignee", Map.of("team", "camera"), token),
				api.get("/api/v1/triage/petitions", token), api.get("/api/v1/triage/dashboard", token),
				api.get("/api/v1/triage/vote-audit", token), api.download("/api/v1/triage/export", token),
				api.post("/api/v1/triage/bulk-status", Map.of("petitionIds", List.of(id), "status", "planned"), token),
				api.post("/api/v1/releases", Map.of("version", "hack-1"), token),
				api.post("/api/v1/releases/1/publish", null, token));

		assertThat(attempts).allSatisfy(response -> {
			assertThat(response.status()).as(response.body()).isEqualTo(403);
			assertThat(response.isProblem()).isTrue();
			assertThat(response.json().get("type").asString()).isEqualTo("/problems/forbidden");
		});
		assertThat(api.get("/api/v1/petitions/" + id, null).json().get("status").asString()).isEqualTo("submitted");
	}

	@Test
	void bulkChangesAreAllOrNothing() {
		Member author = api.newMember("bulk");
		long first = submit(author, "Bulk one: quick settings order");
		long second = submit(author, "Bulk two: quick settings colours");
		status(second, "declined", "Not now.");

		Response refused = api.post("/api/v1/triage/bulk-status",
				Map.of("petitionIds", List.of(first, second), "status", "planned"), employee);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("Petition " + second);
		assertThat(api.get("/api/v1/petitions/" + first, null).json().get("status").asString()).isEqualTo("submitted");

		Response applied = api.post("/api/v1/triage/bulk-status",
				Map.of("petitionIds", List.of(first), "status", "under_review"), employee);
		assertThat(applied.json().get("changed").asInt()).isEqualTo(1);
	}

	@Test
	void redeliveriesThatAllQueueMailAtTheSameMomentStillComplete() throws Exception {
		Member author = api.newMember("many");
		long id = submit(author, "Many decisions at once");
		for (int i = 0; i < 10; i++) {
			api.put("/api/v1/petitions/" + id + "/vote", Map.of(), SeededMember.create(jdbc, "many", "MEMBER").token());
		}
		for (int round = 0; round < 16; round++) {
			assertThat(status(id, round % 2 == 0 ? "planned" : "in_progress", "Round " + round).status())
				.isEqualTo(200);
			assertThat(api.post("/api/v1/petitions/" + id + "/responses", Map.of("response", "Word " + round), employee)
				.status()).isEqualTo(201);
		}
		PetitionFanOut fanOut = new PetitionFanOut(jdbc, id);
		Await.until(Duration.ofSeconds(60), () -> fanOut.owed() == 0);

		// All 32 notifier publications owed again, as after a crash, while nothing can write
		// notifications: the deliveries that run at once all wait at the same point. Released together,
		// each of them hands over the mail it queued while all of them still hold their place, and none
		// must wait for another to make room.
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService holder = Executors.newSingleThreadExecutor()) {
			Future<?> lock = holder.submit(() -> tx.executeWithoutResult(status -> {
				jdbc.execute("lock table notification in share mode");
				locked.countDown();
				awaitQuietly(release);
			}));
			try {
				locked.await();
				assertThat(jdbc.update("""
						with reopened as (
						    delete from event_publication_archive
						    where listener_id like '%PetitionNotifier%'
						      and (serialized_event::jsonb -> 'petitionId' ->> 'value')::bigint = ?
						    returning *)
						insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
						                               status, completion_attempts)
						select id, listener_id, event_type, serialized_event, publication_date, 'FAILED', 0 from reopened""",
						id)).isEqualTo(32);
				Await.until(Duration.ofSeconds(60), () -> jdbc.queryForObject("""
						select count(*) from pg_locks where relation = 'notification'::regclass and not granted""",
						Long.class) >= listenersAtOnce);
			}
			finally {
				release.countDown();
			}
			lock.get();
		}
		Duration completed = Await.until(Duration.ofSeconds(60), () -> fanOut.owed() == 0);

		System.out.printf("32 redelivered notifier publications completed within %d ms%n", completed.toMillis());
		assertThat(unread(author)).isEqualTo(32);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private long submit(Member author, String title) {
		Response created = api.post("/api/v1/petitions", Map.of("boardId", board, "title", title, "description",
				"Please consider: " + title, "tags", List.of("ideas")), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Response status(long id, String status, String response) {
		Map<String, Object> body = response == null ? Map.of("status", status)
				: Map.of("status", status, "response", response);
		return api.post("/api/v1/petitions/" + id + "/status", body, employee);
	}

	private static List<Long> ids(JsonNode petitions) {
		return petitions.valueStream().map(petition -> petition.get("id").asLong()).toList();
	}

	private long votes(long id) {
		return api.get("/api/v1/petitions/" + id, null).json().get("votes").asLong();
	}

	private long unread(Member member) {
		return unread(member.token());
	}

	/**
	 * Unread news of petitions. The badges that the same facts may earn (a petition planned or shipped,
	 * an early backer credited) are news of their own, told apart by their kind.
	 */
	private long unread(String token) {
		return api.get("/api/v1/notifications?unread=true&size=100", token).json().get("items").valueStream()
			.filter(notification -> !notification.get("kind").asString().equals("badge-granted"))
			.count();
	}

	private long unreadOfAnyKind(String token) {
		return api.get("/api/v1/notifications/unread-count", token).json().get("unread").asLong();
	}

	private JsonNode latestPetitionNews(Member member) {
		return api.get("/api/v1/notifications?size=100", member.token()).json().get("items").valueStream()
			.filter(notification -> !notification.get("kind").asString().equals("badge-granted"))
			.findFirst()
			.orElseThrow();
	}

	/** Event publications, live or archived, about the petition or the release since the given moment. */
	private long publicationsAbout(long petition, long release, java.sql.Timestamp since, String condition) {
		return jdbc.queryForObject("""
				select count(*) from (
				    select serialized_event, publication_date, completion_date from event_publication
				    union all
				    select serialized_event, publication_date, completion_date from event_publication_archive) p
				where publication_date > ? and (serialized_event::jsonb -> 'petitionId' ->> 'value' = ?
				                                or serialized_event::jsonb -> 'releaseId' ->> 'value' = ?) """
				+ condition, Long.class, since, Long.toString(petition), Long.toString(release));
	}
}
