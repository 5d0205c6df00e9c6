package com.forum.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log of staff actions: written by listeners of the features' events, once each, never
 * changed or deleted, read by admins alone on a page and through the API.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	String admin;

	String moderator;

	String employee;

	Member member;

	long board;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		admin = api.token("admin", "admin-demo-2026");
		moderator = api.token("moderator", "moderator-demo-2026");
		employee = api.token("employee", "employee-demo-2026");
		member = api.newMember("audited");
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void moderationTriageExportsAndAdjustmentsAreRecordedOnceWithWhoDidThem() {
		long thread = api.post("/api/v1/threads", Map.of("boardId", board, "title", "A thread to moderate",
				"body", "first words"), member.token()).json().get("id").asLong();
		api.put("/api/v1/threads/" + thread, Map.of("title", "A thread to moderate", "body", "second words"),
				member.token());
		long revision = jdbc.queryForObject("select max(id) from post_revision where post_kind = 'TOPIC' and post_id = ?",
				Long.class, thread);
		assertThat(api.put("/api/v1/threads/" + thread + "/pin", null, moderator).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/threads/" + thread + "/lock", null, moderator).status()).isEqualTo(200);
		api.post("/api/v1/moderation/revisions/" + revision + "/hide", Map.of("note", "personal data"), moderator);
		assertThat(api.delete("/api/v1/threads/" + thread, moderator).status()).isEqualTo(204);

		long petition = api.post("/api/v1/petitions", Map.of("boardId", board, "title", "Audit every staff action",
				"description", "please"), member.token()).json().get("id").asLong();
		assertThat(api.post("/api/v1/petitions/" + petition + "/status", Map.of("status", "under_review"), employee)
			.status()).isEqualTo(200);
		assertThat(api.download("/api/v1/triage/export", employee).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/admin/members/" + member.username() + "/points-adjustments",
				Map.of("amount", 15, "reason", "Helpful beta report"), admin).status()).isEqualTo(201);
		Response launch = api.post("/api/v1/launches", Map.of("product", "Audited phone", "slots", 5, "opensAt",
				Instant.now().plus(Duration.ofDays(1)).toString()), employee);
		assertThat(launch.status()).isEqualTo(201);
		long launchId = launch.json().get("id").asLong();
		assertThat(api.post("/api/v1/launches/" + launchId + "/pause", null, employee).status()).isEqualTo(200);
		Response release = api.post("/api/v1/releases", Map.of("version", "audit-" + System.nanoTime() % 1_000_000_000,
				"notes", "planned"), employee);
		assertThat(release.status()).isEqualTo(201);
		long releaseId = release.json().get("id").asLong();

		Await.until(WAIT, () -> entries("subject = 'topic:" + thread + "'") == 3
				&& entries("subject = 'revision:" + revision + "'") == 1
				&& entries("subject = 'petition:" + petition + "'") == 1
				&& entries("action = 'points.adjusted' and subject = 'member:" + memberId() + "'") == 1
				&& entries("action = 'petitions.exported'") >= 1
				&& entries("subject = 'launch:" + launchId + "'") == 2
				&& entries("action = 'release.created' and subject = 'release:" + releaseId + "'") == 1);
		// in the order they were done: entries are written by listeners running side by side, so not in order of id
		assertThat(jdbc.queryForList("select action from staff_audit where subject = ? order by at, id", String.class,
				"topic:" + thread)).containsExactly("post.pinned", "post.locked", "post.deleted");
		assertThat(jdbc.queryForObject("select m.username from staff_audit a join member m on m.id = a.actor_id"
				+ " where a.subject = ?", String.class, "revision:" + revision)).isEqualTo("moderator");
		assertThat(jdbc.queryForObject("select details from staff_audit where subject = ?", String.class,
				"petition:" + petition)).isEqualTo("SUBMITTED -> UNDER_REVIEW");
		assertThat(jdbc.queryForObject("select m.username from staff_audit a join member m on m.id = a.actor_id"
				+ " where a.action = 'points.adjusted' and a.subject = ?", String.class, "member:" + memberId()))
			.isEqualTo("admin");
		assertThat(jdbc.queryForList("select a.action || ' by ' || m.username from staff_audit a join member m on"
				+ " m.id = a.actor_id where a.subject = ? order by a.at, a.id", String.class, "launch:" + launchId))
			.containsExactly("launch.created by employee", "launch.paused by employee");

		// the member's own edit and deletion are no staff actions
		long own = api.post("/api/v1/threads", Map.of("boardId", board, "title", "My own thread here", "body", "mine"),
				member.token()).json().get("id").asLong();
		api.delete("/api/v1/threads/" + own, member.token());
		sleep(1500);
		assertThat(entries("subject = 'topic:" + own + "'")).isZero();

		Response listed = api.get("/api/v1/admin/audit?action=post.pinned&actor=moderator&size=100", admin);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).contains("\"subject\":\"topic:" + thread + "\"").contains("\"actor\":\"moderator\"");
		assertThat(new Browser(port).signIn("admin", "admin-demo-2026").get("/admin/audit?action=post.deleted").body())
			.contains("topic:" + thread);
	}

	@Test
	void entriesCannotBeChangedOrDeleted() {
		jdbc.update("insert into staff_audit (event_key, at, action, subject) values (?, now(), 'post.kept', 'reply:1')",
				"test:" + System.nanoTime());
		assertThatThrownBy(() -> jdbc.update("update staff_audit set details = 'rewritten'"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from staff_audit")).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.update("truncate staff_audit")).isInstanceOf(DataAccessException.class);
	}

	@Test
	void onlyAdminsReadTheLogAndBadFiltersAreClearRefusals() {
		assertThat(api.get("/api/v1/admin/audit", null).status()).isEqualTo(401);
		for (String staff : new String[] { member.token(), moderator, employee }) {
			assertThat(api.get("/api/v1/admin/audit", staff).status()).isEqualTo(403);
		}
		for (String bad : new String[] { "?action=DROP%20TABLE", "?size=1000", "?page=0", "?actor=nobody-such-member" }) {
			Response refused = api.get("/api/v1/admin/audit" + bad, admin);
			assertThat(refused.status()).as(bad).isIn(400, 404);
			assertThat(refused.isProblem()).as(bad).isTrue();
		}
		Browser signedIn = new Browser(port).signIn(member);
		assertThat(signedIn.get("/admin/audit").statusCode()).isEqualTo(403);
		assertThat(new Browser(port).get("/admin/audit").statusCode()).isEqualTo(302);
		assertThat(new Browser(port).signIn("admin", "admin-demo-2026").get("/admin/audit?action=nonsense&page=x")
			.statusCode()).isIn(200, 400);
	}

	private long memberId() {
		return jdbc.queryForObject("select id from member where username = ?", Long.class, member.username());
	}

	private long entries(String condition) {
		return jdbc.queryForObject("select count(*) from staff_audit where " + condition, Long.class);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
