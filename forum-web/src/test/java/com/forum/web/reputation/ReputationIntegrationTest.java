package com.forum.web.reputation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.LedgerPosted;
import com.forum.points.Posting;
import com.forum.reputation.Badge;
import com.forum.reputation.Badges;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import com.forum.web.Replays;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Levels next to every name, on the pages and in the API, read once per page; badges granted once from
 * the ledger, however often its events arrive, kept when their count drops, and granted by the sweep
 * to those who qualify without an event; the badges page and its API. Real PostgreSQL, Redis and
 * Elasticsearch.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReputationIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	Badges badges;

	@Autowired
	MessageSource messages;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	ApiClient api;

	long support;

	long hyperos;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		support = api.get("/api/v1/boards/support", null).json().get("id").asLong();
		hyperos = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void aLevelStandsNextToTheAuthorsNameOnEveryPageAndInTheApi() {
		String marker = marker();
		Member author = api.newMember("leveled");
		Member other = api.newMember("plain");
		reputation(author, 180);
		long thread = created(api.post("/api/v1/threads", Map.of("boardId", hyperos, "title", "Night mode " + marker,
				"body", "Which night mode do you use? " + marker), author.token()));
		created(api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Mine is scheduled."), other.token()));
		created(api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Mine follows sunset."),
				author.token()));
		long petition = created(api.post("/api/v1/petitions", Map.of("boardId", hyperos, "title",
				"A darker night mode " + marker, "description", "Darker, please."), author.token()));

		String said = "Level 3, 180 reputation";
		Browser reader = new Browser(port);
		assertThat(reader.get("/threads/" + thread).body()).contains(said, "Level 1, 0 reputation");
		assertThat(reader.get("/boards/hyperos?sort=newest").body()).contains(said);
		assertThat(reader.get("/petitions?sort=newest").body()).contains(said);
		assertThat(reader.get("/petitions/" + petition).body()).contains(said);
		String profile = reader.get("/members/" + author.username()).body();
		assertThat(profile).contains(said, "220 more reputation to reach Lv4", "id=\"level-progress\"", "value=\"12\"");
		assertThat(new Browser(port).speaking("zh-CN").get("/threads/" + thread).body()).contains("等级 3，声望 180");
		String results = Await.value(WAIT, () -> reader.get("/search?q=" + marker).body(), page -> page.contains(said));
		assertThat(results).contains("Lv3");

		assertThat(api.get("/api/v1/threads/" + thread, null).json().get("authorLevel").asInt()).isEqualTo(3);
		JsonNode replies = api.get("/api/v1/threads/" + thread + "/replies", null).json().get("items");
		assertThat(List.of(replies.get(0).get("authorLevel").asInt(), replies.get(1).get("authorLevel").asInt()))
			.containsExactly(1, 3);
		assertThat(api.get("/api/v1/threads?boardId=" + hyperos + "&sort=newest&size=100", null).json().get("items")
			.valueStream()
			.filter(t -> t.get("id").asLong() == thread)
			.findFirst()
			.orElseThrow()
			.get("authorLevel")
			.asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/petitions/" + petition, null).json().get("authorLevel").asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/petitions?sort=newest&size=100", null).json().get("items").valueStream()
			.filter(p -> p.get("id").asLong() == petition)
			.findFirst()
			.orElseThrow()
			.get("authorLevel")
			.asInt()).isEqualTo(3);
		JsonNode hit = api.get("/api/v1/search?q=" + marker, null).json().get("items").get(0);
		assertThat(hit.get("authorLevel").asInt()).isEqualTo(3);
		assertThat(hit.get("authorId").asLong()).isEqualTo(memberId(author));
		JsonNode member = api.get("/api/v1/members/" + author.username(), null).json();
		assertThat(member.get("level").asInt()).isEqualTo(3);
		assertThat(member.get("reputation").asLong()).isEqualTo(180);
	}

	@Test
	void aFirstAcceptedAnswerEarnsTheBadgeOnceHoweverOftenTheEventsArrive() {
		Member asker = api.newMember("asker");
		Member helper = api.newMember("helper");
		long thread = created(api.post("/api/v1/threads", Map.of("boardId", support, "title", "My phone will not charge",
				"body", "It stopped this morning."), asker.token()));
		long answer = created(api.post("/api/v1/threads/" + thread + "/replies",
				Map.of("body", "Clean the port with a wooden toothpick."), helper.token()));
		assertThat(api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", answer), asker.token())
			.status()).isEqualTo(200);

		Await.until(WAIT, () -> holds(helper, "first-answer"));
		// the events again, five times each, as a crash before their acknowledgement would bring them back
		long entry = jdbc.queryForObject("""
				select id from ledger_entry where member_id = ? and reason = 'answer-accepted' and account = 'REPUTATION'""",
				Long.class, memberId(helper));
		LedgerPosted replay = new LedgerPosted(entry, new MemberId(memberId(helper)), Account.REPUTATION, 15,
				"answer-accepted", 15, Instant.now());
		Instant replayed = Instant.now().minusSeconds(1);
		Replays.publish(tx, events, jdbc, 5, replay);
		Await.until(WAIT, () -> jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null and event_type like '%LedgerPosted'
				and publication_date >= ?""", Long.class, Timestamp.from(replayed)) == 0);
		assertThat(jdbc.queryForObject("select count(*) from member_badge where member_id = ? and badge = 'first-answer'",
				Long.class, memberId(helper))).isEqualTo(1);
		assertThat(jdbc.queryForObject(
				"select count(*) from notification where recipient_id = ? and dedupe_key = 'badge:first-answer'",
				Long.class, memberId(helper))).isEqualTo(1);

		// told in the reader's language, with a link to the badges on their profile
		JsonNode chinese = api.get("/api/v1/notifications", helper.token(), "zh-CN").json().get("items");
		JsonNode told = chinese.valueStream().filter(n -> n.get("kind").asString().equals("badge-granted"))
			.findFirst().orElseThrow();
		assertThat(told.get("title").asString()).isEqualTo("首个最佳答案");
		assertThat(told.get("body").asString()).contains("勋章");
		assertThat(told.get("link").asString()).isEqualTo("/members/" + helper.username() + "#badges");

		// shown on the profile, and in the API
		String profile = new Browser(port).get("/members/" + helper.username()).body();
		assertThat(profile).contains("id=\"badge-first-answer\"", "First answer");
		assertThat(api.get("/api/v1/members/" + helper.username(), null).json().get("badges").valueStream()
			.map(JsonNode::asString)).contains("first-answer");
		JsonNode held = api.get("/api/v1/members/" + helper.username() + "/badges", null).json();
		assertThat(held.valueStream().map(b -> b.get("id").asString())).contains("first-answer");
	}

	@Test
	void aBadgeStaysWhenTheCountThatEarnedItDrops() {
		Member asker = api.newMember("changer");
		Member first = api.newMember("first");
		Member second = api.newMember("second");
		long thread = created(api.post("/api/v1/threads", Map.of("boardId", support, "title", "Wi-Fi keeps dropping",
				"body", "Every few minutes."), asker.token()));
		long firstAnswer = created(api.post("/api/v1/threads/" + thread + "/replies",
				Map.of("body", "Forget the network and join again."), first.token()));
		long secondAnswer = created(api.post("/api/v1/threads/" + thread + "/replies",
				Map.of("body", "Turn off Wi-Fi assistant."), second.token()));
		api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", firstAnswer), asker.token());
		Await.until(WAIT, () -> holds(first, "first-answer"));

		// another answer accepted instead: the first one's earning is reversed, its badge is not
		api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", secondAnswer), asker.token());
		Await.until(WAIT, () -> holds(second, "first-answer"));
		Await.until(WAIT, () -> reputation(first) == 0);
		assertThat(holds(first, "first-answer")).isTrue();
	}

	@Test
	void aCheckInStreakEarnsItsBadgeAndTheSweepGrantsWhatNoEventAnnounced() {
		Member streaker = api.newMember("streaker");
		long id = memberId(streaker);
		jdbc.update("""
				insert into check_in (member_id, day, streak, at)
				select ?, (now() at time zone 'Asia/Shanghai')::date - d, 7 - d, now() from generate_series(1, 6) d""", id);
		assertThat(api.post("/api/v1/members/me/check-ins", Map.of(), streaker.token()).json().get("streak").asInt())
			.isEqualTo(7);
		Await.until(WAIT, () -> holds(streaker, "streak-7"));
		assertThat(holds(streaker, "streak-30")).isFalse();

		// thirty days in a row written without any event, as for a badge added to the configuration later
		Member veteran = api.newMember("veteran");
		jdbc.update("""
				insert into check_in (member_id, day, streak, at)
				select ?, (now() at time zone 'Asia/Shanghai')::date - d, 31 - d, now() from generate_series(1, 30) d""",
				memberId(veteran));
		assertThat(holds(veteran, "streak-30")).isFalse();
		assertThat(badges.grantToEveryoneQualified()).isGreaterThanOrEqualTo(2);
		assertThat(holds(veteran, "streak-30")).isTrue();
		assertThat(holds(veteran, "streak-7")).isTrue();
		assertThat(badges.grantToEveryoneQualified()).isZero();
	}

	@Test
	void onlyPostingsThatMayReachABadgeAreRecordedForTheBadgeListener() {
		Member member = api.newMember("quiet");
		MemberId id = new MemberId(memberId(member));
		// no badge counts replies, and reputation below every threshold reaches none
		long reply = posted(Posting.of(id, Account.POINTS, 2, "reply-posted", "test:reply:" + UUID.randomUUID()));
		long low = posted(Posting.of(id, Account.REPUTATION, 5, "test-reputation", "test:low:" + UUID.randomUUID()));
		// a like counts towards liked-10, and reputation that crosses 1,000 reaches trusted
		long like = posted(Posting.of(id, Account.POINTS, 2, "like-received", "test:like:" + UUID.randomUUID()));
		long crossing = posted(
				Posting.of(id, Account.REPUTATION, 1_000, "test-reputation", "test:crossing:" + UUID.randomUUID()));

		Await.until(WAIT, () -> holds(member, "trusted"));
		assertThat(badgePublications(reply)).isZero();
		assertThat(badgePublications(low)).isZero();
		assertThat(badgePublications(like)).isEqualTo(1);
		assertThat(badgePublications(crossing)).isEqualTo(1);
	}

	@Test
	void theBadgesPageListsEveryBadgeWithHowManyMembersHoldIt() {
		Member holder = api.newMember("holder");
		reputation(holder, 1_000);
		Await.until(WAIT, () -> holds(holder, "trusted"));
		long trusted = jdbc.queryForObject("select count(*) from member_badge where badge = 'trusted'", Long.class);

		Response anonymous = api.get("/api/v1/badges", null);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().valueStream().map(b -> b.get("id").asString())).containsExactlyElementsOf(
				badges.all().stream().map(Badge::id).toList());
		JsonNode listed = anonymous.json().valueStream().filter(b -> b.get("id").asString().equals("trusted"))
			.findFirst().orElseThrow();
		assertThat(listed.get("holders").asLong()).isEqualTo(trusted);
		assertThat(listed.get("rule").asString()).isEqualTo("reputation");
		assertThat(listed.get("description").asString()).isEqualTo("Reached 1,000 reputation.");

		Browser visitor = new Browser(port);
		var page = visitor.get("/badges");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"badge-first-answer\"", "id=\"badge-streak-30\"", "Trusted member",
				trusted == 1 ? "1 member holds it" : trusted + " members hold it");
		assertThat(new Browser(port).speaking("zh-CN").get("/badges").body()).contains("可信成员", "声望达到 1,000");
		assertThat(new Browser(port).signIn(holder).get("/badges").body()).contains("You hold this badge");
	}

	@Test
	void everyBadgeHasANameAndADescriptionInEveryLanguage() {
		for (Badge badge : badges.all()) {
			for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
				assertThat(messages.getMessage("badge." + badge.id() + ".name", null, null, language))
					.as("%s name in %s", badge.id(), language).isNotBlank();
				assertThat(messages.getMessage("badge." + badge.id() + ".description", new Object[] { 1 }, null,
						language)).as("%s description in %s", badge.id(), language).isNotBlank();
			}
		}
	}

	private void reputation(Member member, int amount) {
		MemberId id = new MemberId(memberId(member));
		tx.executeWithoutResult(status -> ledger.post(Posting.of(id, Account.REPUTATION, amount, "test-reputation",
				"test:reputation:" + UUID.randomUUID())));
	}

	private long posted(Posting posting) {
		return tx.execute(status -> ledger.post(posting)).entryId();
	}

	/** Publications of the entry's event to the badge listener, delivered or not. */
	private long badgePublications(long entryId) {
		return jdbc.queryForObject("""
				select count(*) from (select listener_id, serialized_event from event_publication
				                      union all select listener_id, serialized_event from event_publication_archive) p
				where p.listener_id like '%BadgeGranting%' and p.serialized_event like '%"entryId":' || cast(? as text) || ',%'""",
				Long.class, entryId);
	}

	private long reputation(Member member) {
		return ledger.balance(new MemberId(memberId(member)), Account.REPUTATION).balance();
	}

	private boolean holds(Member member, String badge) {
		return jdbc.queryForObject("select count(*) from member_badge where member_id = ? and badge = ?", Long.class,
				memberId(member), badge) > 0;
	}

	private long memberId(Member member) {
		return jdbc.queryForObject("select id from member where username = ?", Long.class, member.username());
	}

	private static long created(Response response) {
		assertThat(response.status()).as("created: %s", response).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private static String marker() {
		return "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}
}
