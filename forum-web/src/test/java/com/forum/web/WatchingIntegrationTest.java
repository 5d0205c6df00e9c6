package com.forum.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardKind;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.watching.Watching;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watching, tracking and muting threads and boards; the new and unread lists; following members and
 * their feed; the profile's bio, signature and device; the profile's activity tab.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchingIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	BoardCatalog boards;

	@Autowired
	Watching watching;

	ApiClient api;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void watchersAreToldOfEachReplyOnceButNeitherTheActorNorTheMutedNorTheTrackers() {
		Member author = api.newMember("watched");
		Member watcher = api.newMember("watcher");
		Member boardWatcher = api.newMember("boardwatch");
		Member muter = api.newMember("muter");
		Member tracker = api.newMember("tracker");
		Member replier = api.newMember("replier");
		String board = board();
		String title = "Does the 17 Pro charge faster on 120 W " + marker();
		long thread = api.startThread(author, board, title, "Measured with the bundled charger.");
		Await.until(WAIT, () -> level(author, thread).equals("WATCHING"));

		assertThat(setLevel(watcher, thread, "watching").json().get("effective").asString()).isEqualTo("watching");
		assertThat(setBoardLevel(boardWatcher, board, "watching").status()).isEqualTo(200);
		// the thread's own level overrides the board's
		setBoardLevel(muter, board, "watching");
		Response muted = setLevel(muter, thread, "muted");
		assertThat(muted.json().get("level").asString()).isEqualTo("muted");
		setLevel(tracker, thread, "tracking");

		long reply = reply(replier, thread, "About 25 minutes from 10 to 100 percent.");

		JsonNode told = Await.value(WAIT, () -> told(watcher, "watched-reply"), found -> !found.isEmpty()).getFirst();
		assertThat(told.get("title").asString()).isEqualTo(replier.username() + " replied in “" + title + "”, a thread you watch");
		assertThat(told.get("link").asString()).isEqualTo("/threads/" + thread + "?reply=" + reply);
		Await.until(WAIT, () -> told(boardWatcher, "watched-reply").size() == 1);
		settled();
		// the author watches their thread, yet hears of the reply once: as the reply to their thread
		assertThat(kinds(author)).containsExactly("reply");
		assertThat(kinds(watcher)).containsExactly("watched-reply");
		assertThat(kinds(muter)).isEmpty();
		assertThat(kinds(tracker)).isEmpty();
		assertThat(kinds(replier)).isEmpty();
		// replying made the replier track the thread
		assertThat(level(replier, thread)).isEqualTo("TRACKING");

		// tracking shows the count without a notification; muting keeps the thread out of both lists
		JsonNode unread = unreadOf(tracker, thread);
		assertThat(unread.get("unreadReplies").asLong()).isEqualTo(1);
		assertThat(unread.get("firstUnreadLink").asString()).isEqualTo("/threads/" + thread + "?reply=" + reply);
		assertThat(unreadOf(watcher, thread).get("unreadReplies").asLong()).isEqualTo(1);
		assertThat(unreadIds(muter)).doesNotContain(thread);
		assertThat(ids(api.get("/api/v1/threads/new?size=100", muter.token()))).doesNotContain(thread);
		assertThat(ids(api.get("/api/v1/threads/new?size=100", tracker.token()))).contains(thread);
		// the replier's own reply is nothing unread for them
		assertThat(unreadIds(replier)).doesNotContain(thread);
	}

	/** forum.watching.batch-size is 500: 1,200 watchers are told in three transactions, each once. */
	@Test
	void aThreadWithManyWatchersTellsEveryOneOfThemOnce() {
		Member author = api.newMember("popular");
		long thread = api.startThread(author, board(), "Everyone watches this " + marker(), "Launch day.");
		List<com.forum.member.MemberId> watchers = SeededMember.many(jdbc, 1200);
		jdbc.batchUpdate("insert into topic_notification_level (member_id, topic_id, level) values (?, ?, 'WATCHING')",
				watchers.stream().map(member -> new Object[] { member.value(), thread }).toList());

		long reply = reply(author, thread, "It is out.");

		Await.until(WAIT, () -> jdbc.queryForObject(
				"select count(*) from notification where dedupe_key = ? and kind = 'watched-reply'", Long.class,
				"reply:" + reply) == 1200);
		settled();
		assertThat(jdbc.queryForObject("select count(distinct recipient_id) from notification where dedupe_key = ?",
				Long.class, "reply:" + reply)).isEqualTo(1200);
	}

	@Test
	void unreadCountsAndTheFirstUnreadLinkFollowWhatTheMemberHasRead() {
		Member author = api.newMember("reads");
		Member reader = api.newMember("reader");
		String board = board();
		long thread = api.startThread(author, board, "Which screen protector fits " + marker(), "Matte or glossy?");
		long first = reply(author, thread, "I tried a matte one first.");
		Browser browser = new Browser(port).signIn(reader);

		// the form on the thread page sets the level without scripts, and the page shows it
		var set = browser.post("/threads/" + thread + "/notification-level", "level=tracking&_csrf=" + Browser.enc(browser.csrf()));
		assertThat(set.statusCode()).isEqualTo(302);
		assertThat(browser.get("/threads/" + thread).body()).contains("id=\"thread-notification-level\"")
			.containsPattern("<option value=\"tracking\"\\s+selected");
		// opening the thread read its reply
		assertThat(unreadIds(reader)).doesNotContain(thread);
		assertThat(jdbc.queryForObject("select last_read_reply_id from topic_read where topic_id = ?", Long.class, thread))
			.isEqualTo(first);

		long second = reply(author, thread, "Then a glossy one, which fingerprints less than I feared.");
		reply(author, thread, "Glossy it is.");

		JsonNode unread = unreadOf(reader, thread);
		assertThat(unread.get("unreadReplies").asLong()).isEqualTo(2);
		assertThat(unread.get("firstUnreadReplyId").asLong()).isEqualTo(second);
		assertThat(browser.get("/boards/" + board).body()).contains("/threads/" + thread + "?reply=" + second)
			.contains("2 new replies");
		assertThat(browser.get("/unread").body()).contains("Which screen protector fits");

		browser.get("/threads/" + thread);
		assertThat(unreadIds(reader)).doesNotContain(thread);

		reply(author, thread, "One more thing: buy two.");
		assertThat(unreadIds(reader)).contains(thread);
		assertThat(api.post("/api/v1/threads/unread/dismiss", null, reader.token()).status()).isEqualTo(200);
		assertThat(unreadIds(reader)).doesNotContain(thread);
	}

	@Test
	void newListsThreadsNotOpenedYetAndDismissingEmptiesIt() {
		Member author = api.newMember("starter");
		Member reader = api.newMember("newreader");
		String board = board();
		String mutedBoard = board();
		long opened = api.startThread(author, board, "Opened soon " + marker(), "Read me.");
		long waiting = api.startThread(author, board, "Waiting to be read " + marker(), "Me too.");
		setBoardLevel(reader, mutedBoard, "muted");
		long hidden = api.startThread(author, mutedBoard, "In a muted board " + marker(), "Never new.");

		Browser browser = new Browser(port).signIn(reader);
		browser.get("/threads/" + opened);

		List<Long> fresh = ids(api.get("/api/v1/threads/new?size=100", reader.token()));
		assertThat(fresh).contains(waiting).doesNotContain(opened, hidden);
		assertThat(browser.get("/new").body()).contains("Waiting to be read").doesNotContain("In a muted board");
		// one's own threads are not new to oneself
		assertThat(ids(api.get("/api/v1/threads/new?size=100", author.token()))).doesNotContain(waiting);

		assertThat(browser.post("/new/dismiss", "_csrf=" + Browser.enc(browser.csrf())).statusCode()).isEqualTo(302);
		assertThat(ids(api.get("/api/v1/threads/new?size=100", reader.token()))).doesNotContain(waiting);
		assertThat(api.get("/api/v1/threads/new", null).status()).isEqualTo(401);
	}

	@Test
	void followersFindTheThreadsOfThoseTheyFollowInTheirFeedAndAreToldOnce() {
		Member author = api.newMember("followed");
		Member follower = api.newMember("follower");
		Member mentioned = api.newMember("mentionedfan");

		Response followed = api.put("/api/v1/members/" + author.username() + "/follow", null, follower.token());
		assertThat(followed.status()).isEqualTo(200);
		assertThat(followed.json().get("followers").asLong()).isEqualTo(1);
		api.put("/api/v1/members/" + author.username() + "/follow", null, mentioned.token());
		assertThat(api.put("/api/v1/members/" + author.username() + "/follow", null, author.token()).status())
			.isEqualTo(400);

		String title = "First impressions of the Redmi K90 " + marker();
		long thread = api.startThread(author, board(), title,
				"Fast and light; @" + mentioned.username() + " will like the screen.");

		JsonNode told = Await.value(WAIT, () -> told(follower, "followed-thread"), found -> !found.isEmpty()).getFirst();
		assertThat(told.get("title").asString()).isEqualTo(author.username() + ", whom you follow, started “" + title + "”");
		assertThat(told.get("link").asString()).isEqualTo("/threads/" + thread);
		Await.until(WAIT, () -> !told(mentioned, "mention").isEmpty());
		settled();
		assertThat(kinds(follower)).containsExactly("followed-thread");
		// the mention told the mentioned follower already
		assertThat(kinds(mentioned)).containsExactly("mention");
		assertThat(kinds(author)).isEmpty();

		assertThat(ids(api.get("/api/v1/members/me/feed", follower.token()))).containsExactly(thread);
		Browser browser = new Browser(port).speaking("zh-CN").signIn(follower);
		assertThat(browser.get("/feed").body()).contains(title).contains("动态");
		assertThat(browser.get("/members/" + author.username()).body()).contains("取消关注").contains("2 位粉丝");

		assertThat(browser.post("/members/" + author.username() + "/unfollow", "_csrf=" + Browser.enc(browser.csrf()))
			.statusCode()).isEqualTo(302);
		assertThat(ids(api.get("/api/v1/members/me/feed", follower.token()))).isEmpty();
	}

	@Test
	void watchersOfABoardAreToldOfEachNewThreadInItOnceEvenWhenTheyAlsoFollowItsAuthor() {
		Member author = api.newMember("starter");
		Member boardWatcher = api.newMember("boardfan");
		Member followerToo = api.newMember("bothways");
		Member tracker = api.newMember("boardtracker");
		String board = board();
		setBoardLevel(boardWatcher, board, "watching");
		setBoardLevel(followerToo, board, "watching");
		setBoardLevel(tracker, board, "tracking");
		api.put("/api/v1/members/" + author.username() + "/follow", null, followerToo.token());

		String title = "Which case fits the 17 Ultra " + marker();
		long thread = api.startThread(author, board, title, "With the camera grip on.");

		JsonNode told = Await.value(WAIT, () -> told(boardWatcher, "watched-thread"), found -> !found.isEmpty())
			.getFirst();
		assertThat(told.get("title").asString())
			.isEqualTo(author.username() + " started “" + title + "” in a board you watch");
		assertThat(told.get("link").asString()).isEqualTo("/threads/" + thread);
		Await.until(WAIT, () -> !kinds(followerToo).isEmpty());
		settled();
		assertThat(kinds(boardWatcher)).containsExactly("watched-thread");
		assertThat(kinds(followerToo)).as("once, as a follower: followers are told first").containsExactly("followed-thread");
		assertThat(kinds(tracker)).isEmpty();
		assertThat(kinds(author)).isEmpty();
	}

	/**
	 * A new thread is news to its board's watchers, told after the thread's start is committed: a member who
	 * found the thread and watched it in between is not one of them (the thread-start delivery used to ask
	 * for all of the thread's watchers, and told such a member of the thread they had just opened).
	 */
	@Test
	void aNewThreadsWatchersAreItsBoardsNotThoseWhoWatchedTheThreadSinceItStarted() {
		Member author = api.newMember("fresh");
		Member boardWatcher = api.newMember("boardsee");
		Member threadWatcher = api.newMember("threadsee");
		Member optedOut = api.newMember("boardbut");
		String board = board();
		setBoardLevel(boardWatcher, board, "watching");
		setBoardLevel(optedOut, board, "watching");
		long thread = api.startThread(author, board, "Is the 17 Pro's eSIM transferable " + marker(), "From an iPhone.");
		setLevel(threadWatcher, thread, "watching");
		setLevel(optedOut, thread, "tracking");
		Await.until(WAIT, () -> level(author, thread).equals("WATCHING"));

		assertThat(watching.boardWatchers(new TopicId(thread), null, 100)).containsExactly(memberId(boardWatcher));
		assertThat(watching.watchers(new TopicId(thread), null, 100)).contains(memberId(boardWatcher),
				memberId(threadWatcher), memberId(author)).doesNotContain(memberId(optedOut));
	}

	@Test
	void profileFieldsAreSavedCheckedAndShownWithTheMembersPosts() {
		Member member = api.newMember("flair");
		Response saved = api.put("/api/v1/members/me/profile",
				Map.of("bio", "I test **cameras** for a living.", "signature", "Shot on a 17 Pro", "device", "Xiaomi 17 Pro"),
				member.token());
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("bioHtml").asString()).contains("<strong>cameras</strong>");

		long thread = api.startThread(member, board(), "Night mode in the rain " + marker(), "Samples below.");
		assertThat(api.get("/threads/" + thread, null, "en").body()).contains("from Xiaomi 17 Pro")
			.contains("Shot on a 17 Pro");
		assertThat(api.get("/threads/" + thread, null, "zh-CN").body()).contains("来自 Xiaomi 17 Pro");
		assertThat(api.get("/members/" + member.username(), null, "en").body()).contains("<strong>cameras</strong>");

		// a new member may not link yet; a refused change changes nothing
		Response linked = api.put("/api/v1/members/me/profile", Map.of("bio", "See https://example.com/me"),
				member.token());
		assertThat(linked.status()).isEqualTo(403);
		Response unknown = api.put("/api/v1/members/me/profile", Map.of("device", "Nokia 3310"), member.token());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("type").asString()).endsWith("/problems/validation");
		assertThat(jdbc.queryForObject("select device from member where username = ?", String.class, member.username()))
			.isEqualTo("Xiaomi 17 Pro");

		// the page's form shows the reason beside the field, in the reader's language
		Browser browser = new Browser(port).speaking("zh-CN").signIn(member);
		var refused = browser.post("/settings/profile",
				"bio=&signature=" + "s".repeat(101) + "&device=&_csrf=" + Browser.enc(browser.csrf()));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("签名").contains("最多 100 个字符");
		// clearing every field is allowed
		assertThat(browser.post("/settings/profile", "bio=&signature=&device=&_csrf=" + Browser.enc(browser.csrf()))
			.statusCode()).isEqualTo(302);
		assertThat(api.get("/threads/" + thread, null, "en").body()).doesNotContain("from Xiaomi 17 Pro");
	}

	@Test
	void theActivityTabListsThreadsAndRepliesButHidesModeratedPostsFromOthers() {
		Member member = api.newMember("active");
		String moderator = api.token("moderator", "moderator-demo-2026");
		long thread = api.startThread(member, board(), "Activity thread " + marker(), "Opening words.");
		reply(member, thread, "A reply everyone sees.");
		long hidden = reply(member, thread, "A reply a moderator hides.");
		long deleted = reply(member, thread, "A reply its author deletes.");
		assertThat(api.post("/api/v1/threads/" + thread + "/replies/" + hidden + "/hide", Map.of("reason", "spam"),
				moderator).status()).isIn(200, 204);
		assertThat(api.delete("/api/v1/threads/" + thread + "/replies/" + deleted, member.token()).status()).isEqualTo(204);

		String page = api.get("/members/" + member.username() + "?tab=activity", null, "en").body();
		assertThat(page).contains("Activity thread").contains("A reply everyone sees.")
			.doesNotContain("A reply a moderator hides.")
			.doesNotContain("A reply its author deletes.");
		String own = new Browser(port).signIn(member).get("/members/" + member.username() + "?tab=activity").body();
		assertThat(own).contains("A reply a moderator hides.").doesNotContain("A reply its author deletes.");
	}

	private Response setLevel(Member member, long thread, String level) {
		Response response = api.put("/api/v1/threads/" + thread + "/notification-level", Map.of("level", level),
				member.token());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Response setBoardLevel(Member member, String board, String level) {
		return api.put("/api/v1/boards/" + board + "/notification-level", Map.of("level", level), member.token());
	}

	private long reply(Member member, long thread, String body) {
		Response reply = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", body), member.token());
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().get("id").asLong();
	}

	private String level(Member member, long thread) {
		return jdbc.queryForList("""
				select level from topic_notification_level l join member m on m.id = l.member_id
				where m.username = ? and l.topic_id = ?""", String.class, member.username(), thread)
			.stream()
			.findFirst()
			.orElse("");
	}

	private JsonNode unreadOf(Member member, long thread) {
		return api.get("/api/v1/threads/unread?size=100", member.token()).json().get("items").valueStream()
			.filter(item -> item.get("thread").get("id").asLong() == thread)
			.findFirst()
			.orElseThrow(() -> new AssertionError("thread " + thread + " is not unread for " + member.username()));
	}

	private List<Long> unreadIds(Member member) {
		return api.get("/api/v1/threads/unread?size=100", member.token()).json().get("items").valueStream()
			.map(item -> item.get("thread").get("id").asLong())
			.toList();
	}

	private List<Long> ids(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("items").valueStream().map(item -> item.get("id").asLong()).toList();
	}

	private List<JsonNode> told(Member member, String kind) {
		return api.get("/api/v1/notifications?size=100", member.token(), "en").json().get("items").valueStream()
			.filter(n -> n.get("kind").asString().equals(kind))
			.toList();
	}

	/** The kinds of what others did with the member's posts or threads, leaving badges and the like out. */
	private List<String> kinds(Member member) {
		return api.get("/api/v1/notifications?size=100", member.token(), "en").json().get("items").valueStream()
			.map(n -> n.get("kind").asString())
			.filter(kind -> com.forum.notification.NotificationKind.byId(kind).isPresent())
			.toList();
	}

	private void settled() {
		Await.until(WAIT, () -> jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null
				and (listener_id like '%DiscussionNotifier%' or listener_id like '%WatchNotifier%'
				     or listener_id like '%AutoWatch%')""", Long.class) == 0);
	}

	/** A board of the test's own, so that no other test's threads fill its lists. */
	private MemberId memberId(Member member) {
		return new MemberId(jdbc.queryForObject("select id from member where username = ?", Long.class, member.username()));
	}

	private String board() {
		String slug = "watch-" + UUID.randomUUID().toString().substring(0, 8);
		boards.create(slug, slug, "A board of the watching test.", BoardKind.DISCUSSION);
		return slug;
	}

	private static String marker() {
		return UUID.randomUUID().toString().substring(0, 6);
	}
}
