package com.forum.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.PointsProperties;
import com.forum.reputation.Privileges;
import com.forum.reputation.QuotaProperties;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flags and "hidden pending review" against the real services: a member's flag is one flag however
 * often (or however concurrently) it is sent, a hidden post is a notice for readers, its author is
 * told, search drops it and takes it back when a moderator keeps it, and a removal goes through the
 * ordinary deletion, so the author's points are reversed, and every flagger hears the outcome.
 */
@IntegrationTest
class ModerationIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	Ledger ledger;

	@Autowired
	Privileges privileges;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	QuotaProperties quotas;

	@Autowired
	PointsProperties points;

	ApiClient api;

	long board;

	@BeforeEach
	void connect() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void flaggingAgainIsTheSameFlagAndOwnOrDeletedPostsCannotBeFlagged() {
		// the author could flag others' posts: only their own is refused
		SeededMember author = member("author", privileges.needs(Privilege.FLAG_POSTS));
		SeededMember flagger = member("flagger", privileges.needs(Privilege.FLAG_POSTS));
		long thread = thread(author, "Flag me once");
		long reply = reply(author, thread, "A reply to flag");

		Response first = flag(flagger, thread, reply, "spam", null);
		Response again = flag(flagger, thread, reply, "rude", "changed my mind");
		Response own = flag(author, thread, reply, "spam", null);
		Response onThread = api.post("/api/v1/threads/" + thread + "/flags", Map.of("reason", "off-topic"),
				flagger.token());

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(again.body()).as("the same answer, nothing doubled").isEqualTo(first.body());
		assertThat(first.json().get("reason").asString()).isEqualTo("spam");
		assertThat(first.json().get("kind").asString()).isEqualTo("reply");
		assertThat(flags("REPLY", reply)).isEqualTo(1);
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.json().get("type").asString()).isEqualTo("/problems/rules/own-post-flag");
		assertThat(onThread.status()).isEqualTo(200);
		assertThat(flags("TOPIC", thread)).isEqualTo(1);

		api.delete("/api/v1/threads/" + thread + "/replies/" + reply, author.token());
		Response deleted = flag(member("late", privileges.needs(Privilege.FLAG_POSTS)), thread, reply, "spam", null);
		assertThat(deleted.status()).isEqualTo(404);
		assertThat(flags("REPLY", reply)).isEqualTo(1);
	}

	@Test
	void fiftyConcurrentFlagsByOneMemberCountOnceAndTakeOneFromTheDailyQuota() throws Exception {
		SeededMember author = member("author", 0);
		SeededMember flagger = member("eager", privileges.needs(Privilege.FLAG_POSTS));
		long thread = thread(author, "Flagged in a hurry");
		long reply = reply(author, thread, "Flag me fifty times");
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			attempts.add(() -> {
				start.await();
				return flag(flagger, thread, reply, "spam", null).status();
			});
		}

		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
			List<Future<Integer>> results = attempts.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
		}

		assertThat(statuses).containsOnly(200).hasSize(50);
		assertThat(flags("REPLY", reply)).isEqualTo(1);
		assertThat(quotaUsed(flagger, "flags")).as("one PostFlagged, counted by the quota as it is published")
			.isEqualTo(1);
	}

	@Test
	void overTodaysFlagQuotaAMemberIsToldWhenItResets() {
		SeededMember author = member("author", 0);
		SeededMember flagger = member("busy", privileges.needs(Privilege.FLAG_POSTS));
		long thread = thread(author, "One flag too many");
		int limit = quotas.at(1).flags();
		redis.opsForValue().set("quota:" + flagger.id() + ":" + LocalDate.now(points.zone()) + ":flags",
				Integer.toString(limit), Duration.ofDays(2));

		Response refused = api.post("/api/v1/threads/" + thread + "/flags", Map.of("reason", "spam"), flagger.token());

		assertThat(refused.status()).as(refused.body()).isEqualTo(429);
		assertThat(Long.parseLong(refused.retryAfter())).isPositive();
		assertThat(flags("TOPIC", thread)).isZero();
	}

	@Test
	void aHiddenReplyIsANoticeForReadersItsAuthorIsToldAndSearchHasItBackOnceKept() {
		SeededMember author = member("author", 0);
		SeededMember hider = member("hider", privileges.needs(Privilege.HIDE_POSTS));
		SeededMember flagger = member("flagger", privileges.needs(Privilege.FLAG_POSTS));
		SeededMember moderator = member("moderator", 0, "MODERATOR");
		String word = "zh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		long thread = thread(member("asker", 0), "Hidden for a while");
		long reply = reply(author, thread, "Rude words " + word);
		Await.until(WAIT, () -> searchHits(word) == 1);
		assertThat(flag(flagger, thread, reply, "rude", null).status()).isEqualTo(200);

		Response hidden = api.post("/api/v1/threads/" + thread + "/replies/" + reply + "/hide",
				Map.of("reason", "rude"), hider.token());

		assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
		assertThat(hidden.json().get("hidden").asBoolean()).isTrue();
		JsonNode anonymous = api.get("/api/v1/threads/" + thread + "/replies/" + reply, null).json();
		assertThat(anonymous.get("hidden").asBoolean()).isTrue();
		assertThat(anonymous.get("body").asString()).isEmpty();
		assertThat(anonymous.get("bodyHtml").asString()).isEmpty();
		assertThat(api.get("/api/v1/threads/" + thread + "/replies", null).body()).doesNotContain(word);
		assertThat(api.get("/api/v1/threads/" + thread + "/replies/" + reply, author.token()).json().get("body")
			.asString()).contains(word);
		String page = new Browser(port).get("/threads/" + thread).body();
		assertThat(page).contains("This post is hidden pending review.").doesNotContain(word);
		String authorsPage = new Browser(port).signIn(author.username(), SeededMember.PASSWORD)
			.get("/threads/" + thread).body();
		assertThat(authorsPage).contains("Hidden pending review: only its author and the moderators see it.")
			.contains(word);
		assertThat(new Browser(port).get("/members/" + author.username() + "?tab=replies").body())
			.as("nor on the author's profile").contains("This post is hidden pending review.").doesNotContain(word);
		Await.until(WAIT, () -> searchHits(word) == 0);
		JsonNode told = Await.value(WAIT, () -> notification(author, "post-hidden", "zh-CN"), n -> n != null);
		assertThat(told.get("title").asString()).isEqualTo("你在“Hidden for a while”中的内容已被隐藏待审：被举报为不友善或辱骂");
		assertThat(notification(author, "post-hidden", "en").get("title").asString())
			.isEqualTo("Your post in “Hidden for a while” is hidden pending review: reported as rude or abusive");

		JsonNode item = queueItem(moderator, "reply", reply);
		assertThat(item.get("hidden").get("by").get("username").asString()).isEqualTo(hider.username());
		assertThat(item.get("hidden").get("reason").asString()).isEqualTo("rude");
		assertThat(item.get("flags").get("rude").asInt()).isEqualTo(1);
		assertThat(item.get("author").get("username").asString()).isEqualTo(author.username());
		assertThat(item.get("authorLevel").asInt()).isEqualTo(1);
		assertThat(item.get("excerpt").asString()).contains(word);

		Response kept = api.post("/api/v1/moderation/replies/" + reply + "/keep", Map.of(), moderator.token());

		assertThat(kept.status()).as(kept.body()).isEqualTo(204);
		assertThat(api.get("/api/v1/threads/" + thread + "/replies/" + reply, null).json().get("body").asString())
			.contains(word);
		Await.until(WAIT, () -> searchHits(word) == 1);
		Await.until(WAIT, () -> notification(author, "post-restored", "en") != null);
		JsonNode declined = Await.value(WAIT, () -> notification(flagger, "flag-declined", "en"), n -> n != null);
		assertThat(declined.get("title").asString()).isEqualTo("The post you flagged in “Hidden for a while” is kept");
		assertThat(queueItem(moderator, "reply", reply)).isNull();
		assertThat(db.queryForObject("select resolution from post_flag where post_kind = 'REPLY' and post_id = ?",
				String.class, reply)).isEqualTo("DECLINED");
	}

	@Test
	void removingAFlaggedReplyReversesItsAuthorsPointsAndEachFlaggerHearsOnce() {
		SeededMember author = member("author", 0);
		SeededMember first = member("first", privileges.needs(Privilege.FLAG_POSTS));
		SeededMember second = member("second", privileges.needs(Privilege.FLAG_POSTS));
		SeededMember moderator = member("moderator", 0, "MODERATOR");
		long thread = thread(member("asker", 0), "Spam below");
		long reply = reply(author, thread, "Buy cheap followers");
		Await.until(WAIT, () -> points(author) == 2);
		flag(first, thread, reply, "spam", null);
		flag(second, thread, reply, "other", "Advertising");
		JsonNode item = queueItem(moderator, "reply", reply);
		assertThat(item.get("flagCount").asInt()).isEqualTo(2);
		assertThat(item.get("flags").get("spam").asInt()).isEqualTo(1);
		assertThat(item.get("flags").get("other").asInt()).isEqualTo(1);
		assertThat(item.get("hidden").isNull()).isTrue();

		Response removed = api.post("/api/v1/moderation/replies/" + reply + "/remove", Map.of(), moderator.token());
		Response again = api.post("/api/v1/moderation/replies/" + reply + "/remove", Map.of(), moderator.token());

		assertThat(removed.status()).as(removed.body()).isEqualTo(204);
		assertThat(again.status()).as("already removed").isEqualTo(404);
		Await.until(WAIT, () -> points(author) == 0);
		assertThat(api.get("/api/v1/threads/" + thread + "/replies/" + reply, null).status()).isEqualTo(404);
		for (SeededMember flagger : List.of(first, second)) {
			JsonNode upheld = Await.value(WAIT, () -> notification(flagger, "flag-agreed", "en"), n -> n != null);
			assertThat(upheld.get("title").asString()).isEqualTo("Your flag was upheld: the post in “Spam below” is removed");
			assertThat(notifications(flagger, "en").stream().filter(n -> n.get("kind").asString().startsWith("flag-")))
				.hasSize(1);
		}
		assertThat(queueItem(moderator, "reply", reply)).isNull();
		assertThat(db.queryForList("select resolution from post_flag where post_kind = 'REPLY' and post_id = ?",
				String.class, reply)).containsExactly("AGREED", "AGREED");
	}

	@Test
	void onlyModeratorsReadTheQueueAndDecide() {
		SeededMember member = member("curious", privileges.needs(Privilege.HIDE_POSTS));
		SeededMember moderator = member("moderator", 0, "MODERATOR");
		SeededMember employee = member("employee", 0, "EMPLOYEE");
		long thread = thread(member("author", 0), "Judged by moderators");

		assertThat(api.get("/api/v1/moderation/queue", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/moderation/queue", member.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/moderation/queue", employee.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/moderation/queue", moderator.token()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/moderation/queue", api.token("admin", "admin-demo-2026")).status()).isEqualTo(200);
		Response anonymousKeep = api.post("/api/v1/moderation/threads/" + thread + "/keep", Map.of(), null);
		Response memberRemove = api.post("/api/v1/moderation/threads/" + thread + "/remove", Map.of(), member.token());
		assertThat(anonymousKeep.status()).isEqualTo(401);
		assertThat(memberRemove.status()).isEqualTo(403);
		assertThat(memberRemove.json().get("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(api.get("/api/v1/threads/" + thread, null).status()).as("still there").isEqualTo(200);
		assertThat(api.post("/api/v1/threads/" + thread + "/flags", Map.of("reason", "spam"), null).status())
			.isEqualTo(401);

		HttpResponse<String> visitor = new Browser(port).get("/moderation");
		assertThat(visitor.statusCode()).isEqualTo(302);
		assertThat(visitor.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(browser(member).get("/moderation").statusCode()).isEqualTo(403);
		assertThat(browser(moderator).get("/moderation").statusCode()).isEqualTo(200);
	}

	private SeededMember member(String prefix, long reputation) {
		return member(prefix, reputation, "MEMBER");
	}

	private SeededMember member(String prefix, long reputation, String role) {
		SeededMember seeded = SeededMember.signable(db, passwords, "mod-" + prefix, role);
		Reputations.set(ledger, new MemberId(seeded.id()), reputation);
		return seeded;
	}

	private Browser browser(SeededMember member) {
		return new Browser(port).signIn(member.username(), SeededMember.PASSWORD);
	}

	private long thread(SeededMember author, String title) {
		Response created = api.post("/api/v1/threads", Map.of("boardId", board, "title", title, "body",
				"Opening post " + UUID.randomUUID()), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long reply(SeededMember author, long thread, String body) {
		Response created = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", body), author.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Response flag(SeededMember flagger, long thread, long reply, String reason, String note) {
		Map<String, Object> request = note == null ? Map.of("reason", reason) : Map.of("reason", reason, "note", note);
		return api.post("/api/v1/threads/" + thread + "/replies/" + reply + "/flags", request, flagger.token());
	}

	private long flags(String kind, long post) {
		return db.queryForObject("select count(*) from post_flag where post_kind = ? and post_id = ?", Long.class,
				kind, post);
	}

	private long searchHits(String word) {
		return api.get("/api/v1/search?q=" + word, null).json().get("totalItems").asLong();
	}

	private long points(SeededMember member) {
		return ledger.balance(new MemberId(member.id()), Account.POINTS).balance();
	}

	private long quotaUsed(SeededMember member, String quota) {
		JsonNode items = api.get("/api/v1/members/me/privileges", member.token()).json().get("quotas").get("items");
		for (JsonNode item : items) {
			if (item.get("quota").asString().equals(quota)) {
				return item.get("used").asLong();
			}
		}
		throw new AssertionError("no quota " + quota + " in " + items);
	}

	private JsonNode queueItem(SeededMember moderator, String kind, long post) {
		JsonNode queue = api.get("/api/v1/moderation/queue?size=100", moderator.token()).json();
		for (int page = 1; page <= queue.get("totalPages").asInt(); page++) {
			JsonNode items = page == 1 ? queue.get("items")
					: api.get("/api/v1/moderation/queue?size=100&page=" + page, moderator.token()).json().get("items");
			for (JsonNode item : items) {
				if (item.get("kind").asString().equals(kind) && item.get("postId").asLong() == post) {
					return item;
				}
			}
		}
		return null;
	}

	private List<JsonNode> notifications(SeededMember member, String language) {
		List<JsonNode> found = new ArrayList<>();
		api.get("/api/v1/notifications?size=50", member.token(), language).json().get("items").forEach(found::add);
		return found;
	}

	private JsonNode notification(SeededMember member, String kind, String language) {
		return notifications(member, language).stream()
			.filter(n -> n.get("kind").asString().equals(kind))
			.findFirst()
			.orElse(null);
	}
}
