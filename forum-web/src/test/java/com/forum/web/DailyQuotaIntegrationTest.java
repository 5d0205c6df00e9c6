package com.forum.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.points.Ledger;
import com.forum.reputation.QuotaProperties;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Daily quotas by level: a member over today's quota gets 429 with Retry-After and the reset time
 * (the start of their next day, in their own zone), nothing is written, and the count starts again
 * on their next day. Counters are seeded in Redis, as a member who wrote all day would leave them.
 */
@IntegrationTest
class DailyQuotaIntegrationTest {

	/** UTC+14 and UTC-11: at any moment their calendar days differ. */
	private static final ZoneId EARLIEST = ZoneId.of("Pacific/Kiritimati");

	private static final ZoneId LATEST = ZoneId.of("Pacific/Pago_Pago");


	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	Ledger ledger;

	@Autowired
	QuotaProperties quotas;

	@Autowired
	PasswordEncoder passwords;

	ApiClient api;

	long board;

	@BeforeEach
	void connect() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/hyperos", null).json().get("id").asLong();
	}

	@Test
	void overTodaysQuotaTheMemberGets429WithWhenItResetsInTheirZoneAndNothingIsWritten() {
		int limit = quotas.at(1).threads();
		SeededMember member = member("quota", "MEMBER", EARLIEST);
		seed(member, "threads", LocalDate.now(EARLIEST), limit);

		Response refused = startThread(member, "One thread too many");

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.isProblem()).isTrue();
		JsonNode problem = refused.json();
		assertThat(problem.get("type").asString()).isEqualTo("/problems/quota-exceeded");
		assertThat(problem.get("quota").asString()).isEqualTo("threads");
		assertThat(problem.get("limit").asInt()).isEqualTo(limit);
		Instant reset = LocalDate.now(EARLIEST).plusDays(1).atStartOfDay(EARLIEST).toInstant();
		assertThat(Instant.parse(problem.get("resetsAt").asString())).isEqualTo(reset);
		assertThat(Long.parseLong(refused.retryAfter()))
			.isCloseTo(Duration.between(Instant.now(), reset).toSeconds(), within(10L));
		assertThat(problem.get("detail").asString()).isEqualTo(
				"You have reached today's limit of %d threads at Lv1; it resets at %s 00:00 (Pacific/Kiritimati)."
					.formatted(limit, LocalDate.now(EARLIEST).plusDays(1)));
		assertThat(db.queryForObject("select count(*) from topic where author_id = ?", Long.class, member.id())).isZero();
		assertThat(count(member, "threads", LocalDate.now(EARLIEST))).as("the refused thread is not counted")
			.isEqualTo(limit);
	}

	@Test
	void theDayIsTheMembersOwnAndTheQuotaIsWholeAgainTheNextDay() {
		int limit = quotas.at(1).replies();
		long thread = thread();
		SeededMember early = member("early", "MEMBER", EARLIEST);
		SeededMember late = member("late", "MEMBER", LATEST);
		LocalDate earlyToday = LocalDate.now(EARLIEST);
		// the early member used their whole day; the late member, whose day is an earlier date, did the
		// same on the early member's date, which for them is yet to come, and on their own yesterday
		seed(early, "replies", earlyToday, limit);
		seed(late, "replies", earlyToday, limit);
		seed(late, "replies", LocalDate.now(LATEST).minusDays(1), limit);

		assertThat(reply(early, thread).status()).isEqualTo(429);
		assertThat(reply(late, thread).status()).isEqualTo(201);
		assertThat(count(late, "replies", LocalDate.now(LATEST))).isEqualTo(1);

		// the early member's next day: the full count now belongs to yesterday
		redis.delete(key(early, "replies", earlyToday));
		seed(early, "replies", earlyToday.minusDays(1), limit);
		assertThat(reply(early, thread).status()).isEqualTo(201);
	}

	@Test
	void higherLevelsMayDoMoreAndStaffHaveNoQuota() {
		int firstLevel = quotas.at(1).likes();
		SeededMember trusted = member("trusted", "MEMBER", null);
		Reputations.set(ledger, new MemberId(trusted.id()), 400);
		assertThat(quotas.at(4).likes()).isGreaterThan(firstLevel);
		seed(trusted, "likes", LocalDate.now(ZoneId.of("Asia/Shanghai")), firstLevel);
		SeededMember moderator = member("moderator", "MODERATOR", null);
		seed(moderator, "likes", LocalDate.now(ZoneId.of("Asia/Shanghai")), 1_000_000);

		long thread = thread();
		assertThat(api.put("/api/v1/threads/" + thread + "/like", Map.of(), trusted.token()).status()).isEqualTo(200);
		assertThat(api.put("/api/v1/threads/" + thread + "/like", Map.of(), moderator.token()).status())
			.isEqualTo(200);
	}

	@Test
	void aRepeatedLikeOrVoteThatChangesNothingIsNotCounted() {
		SeededMember member = member("repeat", "MEMBER", null);
		long thread = thread();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		for (int i = 0; i < 3; i++) {
			assertThat(api.put("/api/v1/threads/" + thread + "/like", Map.of(), member.token()).status()).isEqualTo(200);
		}
		assertThat(count(member, "likes", today)).isEqualTo(1);
	}

	@Test
	void thePagesShowTheSameMessageAndKeepTheTextOfTheForm() {
		int replies = quotas.at(1).replies();
		int likes = quotas.at(1).likes();
		SeededMember member = member("pages", "MEMBER", EARLIEST);
		seed(member, "replies", LocalDate.now(EARLIEST), replies);
		seed(member, "likes", LocalDate.now(EARLIEST), likes);
		long thread = thread();
		Browser browser = new Browser(port).speaking("zh-CN").signIn(member.username(), SeededMember.PASSWORD);
		String text = "这条回复超出了今天的上限 " + UUID.randomUUID();

		HttpResponse<String> replied = browser.post("/threads/" + thread + "/replies",
				"body=" + enc(text) + "&_csrf=" + enc(browser.csrf()));
		HttpResponse<String> liked = browser.post("/threads/" + thread + "/like", "_csrf=" + enc(browser.csrf()));

		String reset = LocalDate.now(EARLIEST).plusDays(1) + " 00:00（Pacific/Kiritimati）";
		assertThat(replied.statusCode()).isEqualTo(429);
		assertThat(replied.headers().firstValue("Retry-After")).isPresent();
		assertThat(replied.body()).contains("你今天的回复数已达 Lv1 的上限（" + replies + "），将于 " + reset + "重置。")
			.contains(text);
		assertThat(liked.statusCode()).isEqualTo(429);
		assertThat(liked.body()).contains("你今天的点赞数已达 Lv1 的上限（" + likes + "），将于 " + reset + "重置。");
	}

	private Response startThread(SeededMember member, String title) {
		return api.post("/api/v1/threads", Map.of("boardId", board, "title", title, "body", "Quota test"),
				member.token());
	}

	private Response reply(SeededMember member, long thread) {
		return api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "A reply"), member.token());
	}

	/** A thread by a fresh member, to reply to and like. */
	private long thread() {
		Response created = startThread(member("author", "MEMBER", null), "Quota thread " + UUID.randomUUID());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private SeededMember member(String prefix, String role, ZoneId zone) {
		SeededMember member = SeededMember.signable(db, passwords, prefix, role);
		if (zone != null) {
			db.update("update member set time_zone = ? where id = ?", zone.getId(), member.id());
		}
		return member;
	}

	private void seed(SeededMember member, String quota, LocalDate day, long count) {
		redis.opsForValue().set(key(member, quota, day), Long.toString(count), Duration.ofDays(3));
	}

	private long count(SeededMember member, String quota, LocalDate day) {
		String value = redis.opsForValue().get(key(member, quota, day));
		return value == null ? 0 : Long.parseLong(value);
	}

	private static String key(SeededMember member, String quota, LocalDate day) {
		return "quota:" + member.id() + ":" + day + ":" + quota;
	}
}
