package com.forum.web.reputation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.leaderboard.LeaderboardPeriod;
import com.forum.leaderboard.LeaderboardPeriod.Window;
import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.LedgerPosted;
import com.forum.points.PointsProperties;
import com.forum.points.Posting;
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
 * The leaderboards against real PostgreSQL and Redis: weeks from Monday and months from the 1st on the
 * forum's calendar, points as earned (spending does not lower them), shared ranks for equal scores,
 * the same board whatever order and however often the events arrive, and a board rebuilt from the
 * ledger after Redis is flushed, on reading it and by the periodic check.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeaderboardsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final List<String> KINDS = List.of("reputation", "points");

	private static final List<String> PERIODS = List.of("week", "month", "all-time");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Autowired
	PointsProperties points;

	ApiClient api;

	ZoneId zone;

	Instant started;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		zone = points.zone();
		started = Instant.now().minusSeconds(1);
	}

	@Test
	void eachBoardCountsItsOwnWeekMonthOrAllTimeOnTheForumsCalendar() {
		Member fan = api.newMember("calendar");
		Instant now = clock.instant();
		Window week = LeaderboardPeriod.WEEK.windowAt(now, zone);
		Window month = LeaderboardPeriod.MONTH.windowAt(now, zone);
		appended(fan, Account.REPUTATION, 700, now.minus(400, ChronoUnit.DAYS));
		// a minute before this week began (Monday 00:00 in Beijing): in this month's board unless the
		// month began this week too
		appended(fan, Account.REPUTATION, 50, week.from().minus(1, ChronoUnit.MINUTES));
		int beforeThisWeek = week.from().isAfter(month.from()) ? 50 : 0;
		posted(fan, Account.REPUTATION, 30);

		Duration reached = Await.until(WAIT, () -> score(fan, "reputation", "week") == 30);
		System.out.printf("a posting reached the leaderboards within %d ms%n", reached.toMillis());
		assertThat(score(fan, "reputation", "month")).isEqualTo(30 + beforeThisWeek);
		assertThat(score(fan, "reputation", "all-time")).isEqualTo(780);
		JsonNode board = board("reputation", "week", fan);
		assertThat(board.get("firstDay").asString()).isEqualTo(week.firstDay().toString());
		assertThat(week.firstDay().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(Instant.parse(board.get("from").asString())).isEqualTo(week.firstDay().atStartOfDay(zone).toInstant());
		assertThat(board("reputation", "month", fan).get("firstDay").asString()).endsWith("-01");
		assertThat(board("reputation", "all-time", fan).get("from").isNull()).isTrue();
	}

	@Test
	void pointsCountAsEarnedSoSpendingDoesNotLowerThemButAReversedEarningDoes() {
		Member fan = api.newMember("spender");
		MemberId id = new MemberId(memberId(fan));
		long earning = posted(fan, Account.POINTS, 400);
		posted(fan, Account.POINTS, -150);
		Await.until(WAIT, () -> ledger.balance(id, Account.POINTS).balance() == 250);
		Await.until(WAIT, () -> score(fan, "points", "week") == 400);
		assertThat(score(fan, "points", "all-time")).isEqualTo(400);

		// the earning taken back: what is left of it (250 of 400, the rest was spent) comes off the board
		tx.executeWithoutResult(status -> ledger.reverseEntry(earning, "serial voting"));
		Await.until(WAIT, () -> score(fan, "points", "week") == 150);
		assertThat(ledger.balance(id, Account.POINTS).balance()).isZero();
	}

	@Test
	void theTopListsTheBestFirstWithLevelsAndEqualScoresShareARank() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Member first = api.newMember("top1-" + tag);
		Member tiedA = api.newMember("top2-" + tag);
		Member tiedB = api.newMember("top3-" + tag);
		posted(first, Account.REPUTATION, 1_900_000_001);
		posted(tiedA, Account.REPUTATION, 1_900_000_000);
		posted(tiedB, Account.REPUTATION, 1_900_000_000);
		Await.until(WAIT, () -> score(tiedB, "reputation", "week") == 1_900_000_000L
				&& score(tiedA, "reputation", "week") == 1_900_000_000L && score(first, "reputation", "week") > 0);

		JsonNode items = board("reputation", "week", null).get("items");
		assertThat(items.size()).isBetween(3, 50);
		List<String> top3 = List.of(items.get(0).get("username").asString(), items.get(1).get("username").asString(),
				items.get(2).get("username").asString());
		assertThat(top3.getFirst()).isEqualTo(first.username());
		assertThat(top3).containsExactlyInAnyOrder(first.username(), tiedA.username(), tiedB.username());
		assertThat(List.of(items.get(0).get("rank").asInt(), items.get(1).get("rank").asInt(),
				items.get(2).get("rank").asInt())).containsExactly(1, 2, 2);
		assertThat(items.get(3) == null ? 4 : items.get(3).get("rank").asInt()).isEqualTo(4);
		assertThat(items.get(0).get("level").asInt()).isEqualTo(10);
		assertThat(items.get(0).get("score").asLong()).isEqualTo(1_900_000_001L);
		assertThat(board("reputation", "week", tiedB).get("me").get("rank").asInt()).isEqualTo(2);

		// the page: the same board, the reader's own place, the tabs
		Browser reader = new Browser(port).signIn(tiedA);
		String page = reader.get("/leaderboards").body();
		assertThat(page).contains(first.username(), "Level 10", "You are number 2 with 1,900,000,000.",
				"href=\"/leaderboards?kind=points&amp;period=week\"", "aria-current=\"page\"");
		assertThat(new Browser(port).speaking("zh-CN").get("/leaderboards?kind=reputation&period=all-time").body())
			.contains("总榜", "自论坛创立以来", first.username());
		// an unknown choice on the page is only a view preference: the first board
		assertThat(reader.get("/leaderboards?kind=karma&period=fortnight").statusCode()).isEqualTo(200);
	}

	@Test
	void eventsDeliveredAgainOrOutOfOrderLeaveTheSameBoard() {
		Member fan = api.newMember("replayed");
		posted(fan, Account.REPUTATION, 40);
		posted(fan, Account.REPUTATION, 25);
		posted(fan, Account.POINTS, 12);
		Await.until(WAIT, () -> score(fan, "reputation", "week") == 65 && score(fan, "points", "week") == 12);
		Map<String, Long> before = scores(fan);

		// every event of the member again, newest first, three times over
		List<LedgerPosted> announced = jdbc.query("""
				select id, account, amount, reason, created_at from ledger_entry where member_id = ? order by id desc""",
				(rs, row) -> new LedgerPosted(rs.getLong(1), new MemberId(memberId(fan)),
						Account.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4), 0,
						rs.getTimestamp(5).toInstant()),
				memberId(fan));
		Replays.publish(tx, events, jdbc, 3, announced.toArray());
		awaitQuiet();
		assertThat(scores(fan)).isEqualTo(before);

		// a total that has seen an older entry never replaces one that has seen a newer: here the board
		// is told it has seen an entry far in the future, so the next posting's total is the older one
		String week = "forum:leaderboard:reputation:week:" + LeaderboardPeriod.WEEK.windowAt(clock.instant(), zone).key();
		redis.opsForHash().put(week + ":versions", Long.toString(memberId(fan)), Long.toString(Long.MAX_VALUE / 2));
		posted(fan, Account.REPUTATION, 5);
		awaitQuiet();
		assertThat(score(fan, "reputation", "week")).isEqualTo(65);
		assertThat(score(fan, "reputation", "all-time")).isEqualTo(70);
		// told the truth again, the board follows the next entry
		redis.opsForHash().delete(week + ":versions", Long.toString(memberId(fan)));
		posted(fan, Account.REPUTATION, 1);
		Await.until(WAIT, () -> score(fan, "reputation", "week") == 71);
	}

	@Test
	void aFlushedRedisGetsEveryBoardBackFromTheLedgerOnReadingAndByThePeriodicCheck() {
		Member fan = api.newMember("flushed");
		posted(fan, Account.REPUTATION, 35);
		posted(fan, Account.POINTS, 17);
		Await.until(WAIT, () -> score(fan, "reputation", "week") == 35 && score(fan, "points", "week") == 17);
		awaitQuiet();
		Map<String, JsonNode> before = new HashMap<>();
		for (String kind : KINDS) {
			for (String period : PERIODS) {
				before.put(kind + " " + period, board(kind, period, fan));
			}
		}

		flushRedis();
		for (String kind : KINDS) {
			for (String period : PERIODS) {
				JsonNode after = board(kind, period, fan);
				assertThat(after.get("items")).as("%s %s", kind, period).isEqualTo(before.get(kind + " " + period).get("items"));
				assertThat(after.get("me")).as("%s %s", kind, period).isEqualTo(before.get(kind + " " + period).get("me"));
				assertThat(topScores(after)).as("%s %s against the ledger", kind, period)
					.isEqualTo(ledgerTop(kind, period, after.get("items").size()));
			}
		}

		// nobody reads: the periodic check puts every current board back on its own
		flushRedis();
		String reputationWeek = "forum:leaderboard:reputation:week:"
				+ LeaderboardPeriod.WEEK.windowAt(clock.instant(), zone).key();
		String pointsEver = "forum:leaderboard:points:all-time:all";
		Await.until(WAIT, () -> Boolean.TRUE.equals(redis.opsForHash().hasKey(reputationWeek + ":versions", "complete"))
				&& Boolean.TRUE.equals(redis.opsForHash().hasKey(pointsEver + ":versions", "complete")));
		assertThat(redis.opsForZSet().score(reputationWeek, Long.toString(memberId(fan)))).isEqualTo(35.0);
		assertThat(redis.opsForZSet().score(pointsEver, Long.toString(memberId(fan)))).isEqualTo(17.0);
	}

	@Test
	void thousandsOfMembersAreRankedAgainFromTheLedgerSoonAfterAFlush() {
		String prefix = "lb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		int members = 2_000;
		jdbc.update("""
				insert into member (username, email, password_hash, role, created_at)
				select ? || '-' || g, ? || '-' || g || '@boards.example', 'not-a-login', 'MEMBER', now()
				from generate_series(1, ?) g""", prefix, prefix, members);
		// ten entries each this week, written as the ledger writes them, with their balances
		jdbc.update("""
				insert into ledger_entry (member_id, account, amount, reason, cause_key, local_day, created_at)
				select m.id, a.account, 1 + (m.id + g) % 20, 'test-earning', 'test:bulk:' || m.id || ':' || g,
				       (now() at time zone 'Asia/Shanghai')::date, now()
				from member m, generate_series(1, 10) g, (values ('REPUTATION'), ('POINTS')) a (account)
				where m.username like ?""", prefix + "-%");
		jdbc.update("""
				insert into ledger_balance (member_id, account, balance, held, updated_at)
				select e.member_id, e.account, sum(e.amount), 0, now() from ledger_entry e join member m on m.id = e.member_id
				where m.username like ? group by e.member_id, e.account""", prefix + "-%");
		long entries = jdbc.queryForObject("select count(*) from ledger_entry", Long.class);
		flushRedis();

		long start = System.nanoTime();
		for (String kind : KINDS) {
			for (String period : PERIODS) {
				board(kind, period, null);
			}
		}
		Duration rebuilt = Duration.ofNanos(System.nanoTime() - start);
		System.out.printf("six leaderboards rebuilt from %d ledger entries (%d members ranked) in %d ms%n", entries,
				redis.opsForZSet().size("forum:leaderboard:reputation:all-time:all"), rebuilt.toMillis());
		assertThat(rebuilt).isLessThan(Duration.ofSeconds(10));
		long sample = jdbc.queryForObject("select id from member where username = ?", Long.class, prefix + "-7");
		long expected = jdbc.queryForObject(
				"select sum(amount) from ledger_entry where member_id = ? and account = 'REPUTATION'", Long.class, sample);
		assertThat(redis.opsForZSet().score("forum:leaderboard:reputation:all-time:all", Long.toString(sample)))
			.isEqualTo((double) expected);
	}

	@Test
	void anUnknownKindOrPeriodIsRefusedWithAProblemNamingIt() {
		for (String[] wrong : List.of(new String[] { "kind=karma", "kind" }, new String[] { "period=fortnight", "period" },
				new String[] { "kind=reputation&period=year", "period" })) {
			Response response = api.get("/api/v1/leaderboards?" + wrong[0], null);
			assertThat(response.status()).as(wrong[0]).isEqualTo(400);
			assertThat(response.isProblem()).isTrue();
			assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(wrong[1]);
		}
	}

	@Test
	void leaderboardsAndBadgesAreOpenToEveryone() {
		Browser visitor = new Browser(port);
		assertThat(visitor.get("/leaderboards").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/leaderboards?kind=points&period=all-time").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/badges").statusCode()).isEqualTo(200);
		Response anonymous = api.get("/api/v1/leaderboards?kind=points&period=month", null);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().get("me").isNull()).isTrue();
		assertThat(api.get("/api/v1/badges", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/members/mifan/badges", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/members/nobody-at-all/badges", null).status()).isEqualTo(404);
	}

	/** The member's score on each board (0 when not on it), as the API tells the member. */
	private Map<String, Long> scores(Member member) {
		Map<String, Long> scores = new HashMap<>();
		for (String kind : KINDS) {
			for (String period : PERIODS) {
				scores.put(kind + " " + period, score(member, kind, period));
			}
		}
		return scores;
	}

	private long score(Member member, String kind, String period) {
		JsonNode me = board(kind, period, member).get("me");
		return me == null || me.isNull() ? 0 : me.get("score").asLong();
	}

	private JsonNode board(String kind, String period, Member caller) {
		Response response = api.get("/api/v1/leaderboards?kind=" + kind + "&period=" + period,
				caller == null ? null : caller.token());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<Long> topScores(JsonNode board) {
		List<Long> scores = new ArrayList<>();
		board.get("items").forEach(item -> scores.add(item.get("score").asLong()));
		return scores;
	}

	/** The best scores of a board, summed straight from the ledger. */
	private List<Long> ledgerTop(String kind, String period, int size) {
		Window window = LeaderboardPeriod.valueOf(period.toUpperCase().replace('-', '_'))
			.windowAt(clock.instant(), zone);
		String counted = kind.equals("reputation") ? "true"
				: "(reverses_id is null and amount > 0) or (reverses_id is not null and amount < 0)";
		return jdbc.queryForList("select sum(amount) filter (where " + counted + ") as total from ledger_entry"
				+ " where account = ? and created_at >= ? and created_at < ? group by member_id"
				+ " having sum(amount) filter (where " + counted + ") > 0 order by total desc limit ?", Long.class,
				kind.toUpperCase(), Timestamp.from(window.from()), Timestamp.from(window.to()), size)
			.stream()
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	/** Posts through the ledger, as earning and spending do; returns the entry. */
	private long posted(Member member, Account account, int amount) {
		MemberId id = new MemberId(memberId(member));
		return tx.execute(status -> ledger.post(Posting.of(id, account, amount, amount > 0 ? "test-earning" : "test-spending",
				"test:leaderboard:" + UUID.randomUUID())).entryId());
	}

	/**
	 * An entry written as if posted at another time, with its balance: entries are only ever appended,
	 * so one with an earlier time is as good as one posted then. It announces nothing.
	 */
	private void appended(Member member, Account account, int amount, Instant at) {
		long id = memberId(member);
		tx.executeWithoutResult(status -> {
			jdbc.update("""
					insert into ledger_entry (member_id, account, amount, reason, cause_key, local_day, created_at)
					values (?, ?, ?, 'test-earning', ?, ?, ?)""", id, account.name(), amount,
					"test:leaderboard:" + UUID.randomUUID(), LocalDate.ofInstant(at, zone), Timestamp.from(at));
			jdbc.update("""
					insert into ledger_balance (member_id, account, balance, held, updated_at) values (?, ?, ?, 0, now())
					on conflict (member_id, account) do update set balance = ledger_balance.balance + excluded.balance""",
					id, account.name(), amount);
		});
	}

	private void flushRedis() {
		redis.execute((RedisCallback<Void>) connection -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	/**
	 * Waits until every ledger event published by this test class has been delivered (a test of crashes
	 * elsewhere in the run may leave deliveries of its own owed).
	 */
	private void awaitQuiet() {
		String owed = """
				from event_publication where completion_date is null and event_type like '%LedgerPosted'
				and publication_date >= ?""";
		try {
			Await.until(WAIT, () -> jdbc.queryForObject("select count(*) " + owed, Long.class, Timestamp.from(started)) == 0);
		}
		catch (AssertionError ex) {
			throw new AssertionError("deliveries owed: " + jdbc.queryForList("select * " + owed, Timestamp.from(started)), ex);
		}
	}

	private long memberId(Member member) {
		return jdbc.queryForObject("select id from member where username = ?", Long.class, member.username());
	}
}
