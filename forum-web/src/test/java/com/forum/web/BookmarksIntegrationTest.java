package com.forum.web;

import java.net.http.HttpResponse;
import java.util.Map;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Bookmarks of threads and replies: kept, listed, removed, private to their owner, and silent about removed posts. */
@IntegrationTest
class BookmarksIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwords;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void aMemberBookmarksThreadsAndRepliesNewestFirstAndAddingOrRemovingTwiceChangesNothing() {
		Member author = member("writer");
		Member reader = member("reader");
		long thread = api.startThread(author, "hyperos", "Worth keeping", "Opening words to keep.");
		long reply = reply(thread, author, "A reply worth keeping.");

		assertThat(api.put("/api/v1/bookmarks/threads/" + thread, null, reader.token()).status()).isEqualTo(204);
		assertThat(api.put("/api/v1/bookmarks/replies/" + reply, null, reader.token()).status()).isEqualTo(204);
		assertThat(api.put("/api/v1/bookmarks/replies/" + reply, null, reader.token()).status()).isEqualTo(204);

		JsonNode list = api.get("/api/v1/bookmarks", reader.token()).json();
		assertThat(list.get("totalItems").asLong()).isEqualTo(2);
		JsonNode newest = list.get("items").get(0);
		assertThat(newest.get("kind").asString()).isEqualTo("REPLY");
		assertThat(newest.get("replyId").asLong()).isEqualTo(reply);
		assertThat(newest.get("title").asString()).isEqualTo("Worth keeping");
		assertThat(newest.get("excerpt").asString()).isEqualTo("A reply worth keeping.");
		assertThat(list.get("items").get(1).get("kind").asString()).isEqualTo("THREAD");

		assertThat(api.delete("/api/v1/bookmarks/replies/" + reply, reader.token()).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/bookmarks/replies/" + reply, reader.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/bookmarks", reader.token()).json().get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void nobodyElseSeesOrRemovesAMembersBookmarks() {
		Member owner = member("owner");
		Member other = member("other");
		long thread = api.startThread(owner, "hyperos", "Mine alone", "Private keeping.");
		api.put("/api/v1/bookmarks/threads/" + thread, null, owner.token());

		assertThat(api.get("/api/v1/bookmarks", other.token()).json().get("totalItems").asLong()).isZero();
		assertThat(api.delete("/api/v1/bookmarks/threads/" + thread, other.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/bookmarks", null).status()).isEqualTo(401);
		assertThat(new Browser(port).signIn(other).get("/bookmarks").body()).doesNotContain("Mine alone");

		assertThat(api.get("/api/v1/bookmarks", owner.token()).json().get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void aPostHiddenOrDeletedLaterShowsAsRemovedWithoutItsContent() {
		Member author = member("hidden");
		Member reader = member("keeper");
		String moderator = SeededMember.create(jdbc, "moderator", "MODERATOR").token();
		long thread = api.startThread(author, "hyperos", "Soon hidden thread", "Opening post.");
		long reply = reply(thread, author, "Secret words that get hidden.");
		long gone = api.startThread(author, "hyperos", "Soon deleted thread", "Deleted words.");
		api.put("/api/v1/bookmarks/replies/" + reply, null, reader.token());
		api.put("/api/v1/bookmarks/threads/" + gone, null, reader.token());

		assertThat(api.post("/api/v1/threads/" + thread + "/replies/" + reply + "/hide", Map.of("reason", "spam"),
				moderator).status()).isEqualTo(200);
		assertThat(api.delete("/api/v1/threads/" + gone, author.token()).status()).isEqualTo(204);

		Response list = api.get("/api/v1/bookmarks", reader.token());
		assertThat(list.json().get("items")).hasSize(2).allSatisfy(item -> {
			assertThat(item.get("removed").asBoolean()).isTrue();
			assertThat(item.get("title").isNull()).isTrue();
			assertThat(item.get("excerpt").isNull()).isTrue();
		});
		assertThat(list.body()).doesNotContain("Secret words", "Deleted words", "Soon deleted thread");
		String page = new Browser(port).signIn(reader).get("/bookmarks").body();
		assertThat(page).contains("This post was removed or is hidden pending review.")
			.doesNotContain("Secret words", "Deleted words");
		assertThat(api.put("/api/v1/bookmarks/threads/" + gone, null, member("late").token()).status())
			.as("a deleted post cannot be bookmarked").isEqualTo(404);
	}

	@Test
	void aMemberAtTheCapIsRefusedOneMoreWithAClearProblem() {
		Member hoarder = member("hoarder");
		long thread = api.startThread(hoarder, "hyperos", "One bookmark too many", "Opening post.");
		long member = jdbc.queryForObject("select id from member where username = ?", Long.class, hoarder.username());
		jdbc.update("""
				insert into bookmark (member_id, post_kind, post_id, topic_id, created_at)
				select ?, 'REPLY', -g, ?, now() from generate_series(1, 5000) g""", member, thread);

		Response refused = api.put("/api/v1/bookmarks/threads/" + thread, null, hoarder.token());

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rules/bookmark-limit");
		assertThat(refused.json().get("detail").asString()).contains("5,000");
		assertThat(jdbc.queryForObject("select count(*) from bookmark where member_id = ?", Long.class, member))
			.isEqualTo(5000);
	}

	@Test
	void theThreadPageTogglesABookmarkWithAPlainFormAndTheListRemovesIt() {
		Member author = member("pageauthor");
		Member reader = member("pagereader");
		long thread = api.startThread(author, "hyperos", "Bookmarked from the page", "Opening post.");
		long reply = reply(thread, author, "The reply kept from the page.");
		Browser browser = new Browser(port).signIn(reader);

		HttpResponse<String> added = browser.post("/threads/" + thread + "/replies/" + reply + "/bookmark",
				"value=true&_csrf=" + Browser.enc(browser.csrf()));
		assertThat(added.headers().firstValue("Location").orElseThrow()).contains("#reply-" + reply);
		Document page = Jsoup.parse(browser.get("/threads/" + thread).body());
		assertThat(page.select("#reply-" + reply + " .btn-bookmark").attr("aria-pressed")).isEqualTo("true");
		assertThat(page.select("#post .btn-bookmark").attr("aria-pressed")).isEqualTo("false");

		Document list = Jsoup.parse(browser.get("/bookmarks").body());
		assertThat(list.select(".bookmark-title").text()).contains("Bookmarked from the page");
		assertThat(list.select(".bookmark-title").attr("href")).isEqualTo("/threads/" + thread + "?reply=" + reply);

		HttpResponse<String> removed = browser.post("/threads/" + thread + "/replies/" + reply + "/bookmark",
				"value=false&fromList=true&_csrf=" + Browser.enc(browser.csrf()));
		assertThat(removed.headers().firstValue("Location").orElseThrow()).endsWith("/bookmarks");
		assertThat(Jsoup.parse(browser.get("/bookmarks").body()).select(".bookmark")).isEmpty();
		assertThat(api.get("/api/v1/bookmarks", author.token()).json().get("items")).isEmpty();
	}

	private long reply(long thread, Member author, String body) {
		return api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", body), author.token()).json().get("id")
			.asLong();
	}

	private Member member(String prefix) {
		return SeededMember.confirmed(jdbc, passwords, prefix);
	}
}
