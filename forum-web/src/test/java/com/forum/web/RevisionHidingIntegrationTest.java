package com.forum.web;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A moderator hides an earlier version of a post (a phone number edited out) from the public history:
 * readers, the author included, see that a version was hidden and nothing of it, on the pages and the
 * API; staff still read it; showing it again brings it back.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisionHidingIntegrationTest {

	private static final String PHONE = "138-0013-8000";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	Member author;

	String moderator;

	String employee;

	long board;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		author = api.newMember("careless");
		moderator = api.token("moderator", "moderator-demo-2026");
		employee = api.token("employee", "employee-demo-2026");
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void aHiddenVersionSaysNothingToReadersAndEverythingToStaff() {
		long thread = threadWithPhoneEditedOut();
		long revision = revisionOf("TOPIC", thread);
		String history = "/api/v1/threads/" + thread + "/revisions";
		assertThat(api.get(history, null).body()).contains(PHONE);

		assertThat(api.post("/api/v1/moderation/revisions/" + revision + "/hide", Map.of("note", "phone number"),
				moderator).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/moderation/revisions/" + revision + "/hide", Map.of(), moderator).status())
			.as("hiding again changes nothing").isEqualTo(204);

		for (String reader : new String[] { null, author.token(), api.newMember("reader").token() }) {
			JsonNode shown = api.get(history, reader).json().get("items").get(0);
			assertThat(shown.get("hidden").asBoolean()).isTrue();
			assertThat(shown.get("body").isNull()).isTrue();
			assertThat(api.get(history, reader).body()).doesNotContain(PHONE);
		}
		assertThat(api.page("/threads/" + thread + "/history")).doesNotContain(PHONE).contains("revision-hidden");
		for (String staff : new String[] { moderator, employee }) {
			assertThat(api.get(history, staff).body()).contains(PHONE);
		}
		Browser mod = new Browser(port).signIn("moderator", "moderator-demo-2026");
		assertThat(mod.get("/threads/" + thread + "/history").body()).contains(PHONE).contains("revision-show");

		assertThat(api.post("/api/v1/moderation/revisions/" + revision + "/show", Map.of(), moderator).status())
			.isEqualTo(204);
		assertThat(api.get(history, null).body()).contains(PHONE);
	}

	@Test
	void aModeratorHidesAReplysVersionFromTheHistoryPage() {
		long thread = threadWithPhoneEditedOut();
		long reply = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Text me at " + PHONE),
				author.token()).json().get("id").asLong();
		api.put("/api/v1/threads/" + thread + "/replies/" + reply, Map.of("body", "Text me here"), author.token());
		long revision = revisionOf("REPLY", reply);
		Browser mod = new Browser(port).signIn("moderator", "moderator-demo-2026");

		var hidden = mod.post("/moderation/revisions/" + revision + "/hide", "thread=" + thread + "&reply=" + reply
				+ "&note=" + Browser.enc("phone number") + "&_csrf=" + Browser.enc(mod.csrf()));

		assertThat(hidden.statusCode()).isEqualTo(302);
		assertThat(hidden.headers().firstValue("Location").orElseThrow())
			.endsWith("/threads/" + thread + "/history?reply=" + reply);
		assertThat(api.page("/threads/" + thread + "/history?reply=" + reply)).doesNotContain(PHONE);
		assertThat(jdbc.queryForObject("select note from post_revision_hidden where revision_id = ?", String.class,
				revision)).isEqualTo("phone number");
	}

	@Test
	void onlyModeratorsHideAndBadRequestsAreClearRefusals() {
		long thread = threadWithPhoneEditedOut();
		long revision = revisionOf("TOPIC", thread);
		String hide = "/api/v1/moderation/revisions/" + revision + "/hide";

		assertThat(api.post(hide, Map.of(), null).status()).isEqualTo(401);
		assertThat(api.post(hide, Map.of(), author.token()).status()).isEqualTo(403);
		assertThat(api.post(hide, Map.of(), employee).status()).isEqualTo(403);
		Response unknown = api.post("/api/v1/moderation/revisions/999999999/hide", Map.of(), moderator);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.isProblem()).isTrue();
		Response tooLong = api.post(hide, Map.of("note", "x".repeat(501)), moderator);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.isProblem()).isTrue();
		assertThat(api.sendRaw("POST", "/api/v1/moderation/revisions/abc/hide", "{}", "application/json", moderator)
			.status()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from post_revision_hidden where revision_id = ?", Long.class,
				revision)).isZero();
		Browser member = new Browser(port).signIn(author);
		assertThat(member.post("/moderation/revisions/" + revision + "/hide",
				"thread=" + thread + "&_csrf=" + Browser.enc(member.csrf())).statusCode()).isEqualTo(403);
	}

	private long threadWithPhoneEditedOut() {
		long thread = api.post("/api/v1/threads", Map.of("boardId", board, "title", "Selling my old phone",
				"body", "Call me on " + PHONE), author.token()).json().get("id").asLong();
		assertThat(api.put("/api/v1/threads/" + thread, Map.of("title", "Selling my old phone", "body",
				"Message me here instead"), author.token()).status()).isEqualTo(200);
		return thread;
	}

	private long revisionOf(String kind, long post) {
		return jdbc.queryForObject("select max(id) from post_revision where post_kind = ? and post_id = ?", Long.class,
				kind, post);
	}
}
