package com.forum.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardKind;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Featured threads (精华) chosen by moderators, and the threads that are hot this week. */
@IntegrationTest
class FeaturedThreadsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BoardCatalog boards;

	ApiClient api;

	String moderator;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		moderator = api.token("moderator", "moderator-demo-2026");
	}

	@Test
	void aModeratorFeaturesAThreadWhichJoinsTheFeaturedListsAndEarnsItsAuthorOnce() {
		Member author = api.newMember("featured");
		long thread = api.startThread(author, "xiaomi-17", "Seven days with the Xiaomi 17 camera",
				"Night mode samples and what I changed in the settings.");
		long other = api.startThread(author, "xiaomi-17", "Another thread that stays plain", "Nothing special.");

		assertThat(api.put("/api/v1/threads/" + thread + "/feature", null, author.token()).status()).isEqualTo(403);
		Response featured = api.put("/api/v1/threads/" + thread + "/feature", null, moderator);
		assertThat(featured.status()).isEqualTo(200);
		assertThat(featured.json().get("featured").asBoolean()).isTrue();
		// featuring again changes nothing and earns nothing more
		assertThat(api.put("/api/v1/threads/" + thread + "/feature", null, moderator).status()).isEqualTo(200);

		assertThat(ids(api.get("/api/v1/threads?sort=featured&size=100", null))).contains(thread).doesNotContain(other);
		assertThat(ids(api.get("/api/v1/threads?sort=featured&size=100&boardId=" + boardId("xiaomi-17"), null)))
			.contains(thread)
			.doesNotContain(other);
		assertThat(ids(api.get("/api/v1/threads?sort=featured&size=100&boardId=" + boardId("hyperos"), null)))
			.doesNotContain(thread);
		assertThat(api.page("/featured")).contains("Seven days with the Xiaomi 17 camera")
			.doesNotContain("Another thread that stays plain");
		assertThat(api.page("/boards/xiaomi-17?sort=featured")).contains("Seven days with the Xiaomi 17 camera");
		assertThat(api.page("/threads/" + thread)).contains("badge-featured");
		assertThat(api.get("/boards/smart-home?sort=featured", null, "en").body())
			.contains("No thread of this board has been featured yet.");
		assertThat(api.get("/featured?page=500", null, "en").body()).contains("href=\"/featured\"");

		Await.until(WAIT, () -> earned(author, "POINTS") == 30);
		Await.until(WAIT, () -> earned(author, "REPUTATION") == 20);
		Await.until(WAIT, () -> told(author, thread) == 1);
		Await.until(WAIT, () -> audited(thread, "post.featured") == 1);

		Response unfeatured = api.delete("/api/v1/threads/" + thread + "/feature", moderator);
		assertThat(unfeatured.json().get("featured").asBoolean()).isFalse();
		assertThat(ids(api.get("/api/v1/threads?sort=featured&size=100", null))).doesNotContain(thread);
		assertThat(api.page("/threads/" + thread)).doesNotContain("badge-featured");
		Await.until(WAIT, () -> earned(author, "POINTS") == 0 && earned(author, "REPUTATION") == 0
				&& audited(thread, "post.unfeatured") == 1);
		// featuring a featured thread was no second action
		assertThat(audited(thread, "post.featured")).isEqualTo(1);
		assertThat(told(author, thread)).isEqualTo(1);
	}

	@Test
	void aModeratorFeaturingTheirOwnThreadIsAuditedButNeitherToldNorPaid() {
		Member self = api.newMember("selfmod");
		jdbc.update("update member set role = 'MODERATOR' where username = ?", self.username());
		String token = api.token(self.username(), self.password());
		long thread = api.post("/api/v1/threads", Map.of("boardId", boardId("xiaomi-17"), "title",
				"A moderator's own guide to the settings", "body", "Step one."), token).json().get("id").asLong();

		assertThat(api.put("/api/v1/threads/" + thread + "/feature", null, token).status()).isEqualTo(200);

		Await.until(WAIT, () -> audited(thread, "post.featured") == 1 && featuringsDelivered(thread));
		assertThat(earned(self, "POINTS")).isZero();
		assertThat(told(self, thread)).isZero();
	}

	@Test
	void hotThisWeekListsOnlyThreadsStartedInTheLastSevenDaysMostEngagingFirst() {
		Member author = api.newMember("hotweek");
		Member fan = api.newMember("hotfan");
		// a board of its own: every other test's threads of this week compete on the shared boards
		String board = "hot-" + UUID.randomUUID().toString().substring(0, 8);
		long boardId = boards.create(board, board, "Threads of the hot-list test.", BoardKind.DISCUSSION).value();
		// the busy one is older, so only its replies can put it ahead of the quiet one
		long old = api.startThread(author, board, "A busy thread of last month", "Long ago.");
		long busy = api.startThread(author, board, "A busy thread of this week", "Everyone replied.");
		long quiet = api.startThread(author, board, "A quiet thread of this week", "Hardly anyone replied.");
		for (long thread : List.of(busy, old)) {
			assertThat(api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Agreed, same here"),
					fan.token()).status()).isEqualTo(201);
		}
		jdbc.update("update topic set created_at = now() - interval '30 days' where id = ?", old);

		assertThat(ids(api.get("/api/v1/threads?sort=week&boardId=" + boardId, null))).containsExactly(busy, quiet);
		assertThat(ids(api.get("/api/v1/threads?sort=latest&boardId=" + boardId, null))).contains(old);
		assertThat(api.page("/boards/" + board + "?sort=week")).contains("A busy thread of this week")
			.doesNotContain("A busy thread of last month");
		assertThat(api.page("/hot")).doesNotContain("A busy thread of last month");
		assertThat(api.get("/api/v1/threads?sort=sideways", null).status()).isEqualTo(400);
	}

	private List<Long> ids(Response response) {
		assertThat(response.status()).isEqualTo(200);
		return StreamSupport.stream(response.json().get("items").spliterator(), false)
			.map(item -> item.get("id").asLong())
			.toList();
	}

	private long boardId(String slug) {
		JsonNode board = api.get("/api/v1/boards/" + slug, null).json();
		return board.get("id").asLong();
	}

	private long memberId(Member member) {
		return jdbc.queryForObject("select id from member where username = ?", Long.class, member.username());
	}

	private long earned(Member member, String account) {
		return jdbc.queryForObject("""
				select coalesce(sum(amount), 0) from ledger_entry
				where member_id = ? and account = ? and cause_key like '%featured:topic:%'""", Long.class, memberId(member),
				account);
	}

	private long told(Member member, long thread) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = 'topic-featured'"
				+ " and link = ?", Long.class, memberId(member), "/threads/" + thread);
	}

	private long audited(long thread, String action) {
		return jdbc.queryForObject("select count(*) from staff_audit where subject = ? and action = ?", Long.class,
				"topic:" + thread, action);
	}

	/** Every delivery of the thread's featuring is done, so that what it did not do stays undone. */
	private boolean featuringsDelivered(long thread) {
		return jdbc.queryForObject("""
				select count(*) from event_publication
				where event_type like '%TopicFeatured' and completion_date is null
				  and (serialized_event::jsonb -> 'topicId' ->> 'value')::bigint = ?""", Long.class, thread) == 0
				&& jdbc.queryForObject("""
						select count(*) from event_publication_archive
						where event_type like '%TopicFeatured'
						  and (serialized_event::jsonb -> 'topicId' ->> 'value')::bigint = ?""", Long.class,
						thread) > 0;
	}
}
