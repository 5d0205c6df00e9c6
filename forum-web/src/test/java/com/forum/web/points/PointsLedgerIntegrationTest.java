package com.forum.web.points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.discussion.PostKind;
import com.forum.discussion.PostLiked;
import com.forum.discussion.ReplyId;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.PointsHolds;
import com.forum.points.Posting;
import com.forum.shared.RuleViolationException;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.Replays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The points ledger against real PostgreSQL: what taking part earns and what undoing it takes back,
 * whatever the order and however often the events arrive; check-ins once a day; holds that never
 * spend more than there is.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsLedgerIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	PointsHolds holds;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	ApiClient api;

	long board;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		board = api.get("/api/v1/boards/support", null).json().get("id").asLong();
	}

	@Test
	void aDoubleCheckInCountsOnceAndTheSecondAnswersWithTheSameDay() throws Exception {
		Member fan = api.newMember("checkin");
		List<Response> answers = parallel(20, () -> api.post("/api/v1/members/me/check-ins", Map.of(), fan.token()));

		assertThat(answers).extracting(Response::status).containsOnly(200, 201);
		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(answers).extracting(r -> r.json().get("day").asString()).containsOnly(
				answers.getFirst().json().get("day").asString());
		Response points = api.get("/api/v1/members/me/points", fan.token());
		assertThat(points.json().get("balance").asLong()).isEqualTo(10);
		assertThat(points.json().get("checkIn").get("checkedInToday").asBoolean()).isTrue();
		assertThat(points.json().get("checkIn").get("streak").asInt()).isEqualTo(1);
		assertThat(points.json().get("history").get("items").get(0).get("reason").asString()).isEqualTo("check-in");
	}

	@Test
	void theSeventhDayInARowEarnsTheStreakBonusAndAMissedDayStartsAgain() {
		Member fan = api.newMember("streak");
		long id = memberId(fan);
		// six earlier days in a row, as if checked in on each (days before today in Asia/Shanghai)
		jdbc.update("""
				insert into check_in (member_id, day, streak, at)
				select ?, (now() at time zone 'Asia/Shanghai')::date - d, 7 - d, now() from generate_series(1, 6) d""", id);
		Response seventh = api.post("/api/v1/members/me/check-ins", Map.of(), fan.token());
		assertThat(seventh.json().get("streak").asInt()).isEqualTo(7);
		assertThat(seventh.json().get("points").asInt()).isEqualTo(110);

		Member other = api.newMember("gap");
		long otherId = memberId(other);
		jdbc.update("""
				insert into check_in (member_id, day, streak, at)
				values (?, (now() at time zone 'Asia/Shanghai')::date - 2, 6, now())""", otherId);
		Response afterGap = api.post("/api/v1/members/me/check-ins", Map.of(), other.token());
		assertThat(afterGap.json().get("streak").asInt()).isEqualTo(1);
		assertThat(afterGap.json().get("points").asInt()).isEqualTo(10);
	}

	@Test
	void likesEarnTheAuthorPointsAndReputationAndTakingThemBackReversesBoth() {
		Member author = api.newMember("author");
		Member fan = api.newMember("liker");
		long thread = thread(author);
		Await.until(WAIT, () -> points(author) == 5);

		api.put("/api/v1/threads/" + thread + "/like", Map.of(), fan.token());
		Await.until(WAIT, () -> points(author) == 7 && reputation(author) == 10);

		api.delete("/api/v1/threads/" + thread + "/like", fan.token());
		Await.until(WAIT, () -> points(author) == 5 && reputation(author) == 0);
		assertThat(entries(author, "reversal")).isEqualTo(2);
		// liking again does not earn a second time what was taken back
		api.put("/api/v1/threads/" + thread + "/like", Map.of(), fan.token());
		api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "A reply to see the events through."),
				fan.token());
		Await.until(WAIT, () -> points(fan) == 2);
		assertThat(points(author)).isEqualTo(5);
		assertThat(reputation(author)).isZero();
	}

	@Test
	void actingOnOnesOwnContentEarnsNothing() {
		Member author = api.newMember("selfish");
		long thread = thread(author);
		api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Answering myself."), author.token());
		Member other = api.newMember("witness");
		api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "Someone else answers."), other.token());
		Await.until(WAIT, () -> points(other) == 2);
		assertThat(points(author)).isEqualTo(5);
	}

	@Test
	void deletingAThreadReversesWhatItAndItsRepliesEarned() {
		Member author = api.newMember("deleted");
		Member replier = api.newMember("replier");
		long thread = thread(author);
		api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "A reply that earns two points."),
				replier.token());
		api.put("/api/v1/threads/" + thread + "/like", Map.of(), replier.token());
		Await.until(WAIT, () -> points(author) == 7 && points(replier) == 2);

		String moderator = api.token("moderator", "moderator-demo-2026");
		assertThat(api.delete("/api/v1/threads/" + thread, moderator).status()).isEqualTo(204);
		Await.until(WAIT, () -> points(author) == 0 && points(replier) == 0 && reputation(author) == 0);
	}

	@Test
	void replayedEventsAndRepeatedPostingsChangeNothing() {
		Member author = api.newMember("replayed");
		Member fan = api.newMember("fan");
		long thread = thread(author);
		api.put("/api/v1/threads/" + thread + "/like", Map.of(), fan.token());
		Await.until(WAIT, () -> points(author) == 7);
		long entries = count(author);

		PostLiked replay = new PostLiked(PostKind.TOPIC, thread, new TopicId(thread), new MemberId(memberId(author)),
				new MemberId(memberId(fan)), true);
		Replays.publish(tx, events, jdbc, 5, replay);
		Await.until(WAIT, () -> jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and event_type like '%PostLiked'",
				Long.class) == 0);
		assertThat(count(author)).isEqualTo(entries);
		assertThat(points(author)).isEqualTo(7);
	}

	@Test
	void aReplyEventDeliveredAfterItsThreadWasDeletedEarnsNothingAndCompletes() {
		Member author = api.newMember("asker");
		Member replier = api.newMember("late");
		long thread = thread(author);
		long reply = api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "An answer that comes late."),
				replier.token()).json().get("id").asLong();
		Await.until(WAIT, () -> points(replier) == 2);
		assertThat(api.delete("/api/v1/threads/" + thread, api.token("moderator", "moderator-demo-2026")).status())
			.isEqualTo(204);
		Await.until(WAIT, () -> points(replier) == 0);

		// the reply's event delivered once more after the deletion, as a retry or a slow node would
		tx.executeWithoutResult(s -> events.publishEvent(new ReplyPosted(new ReplyId(reply), new TopicId(thread),
				new MemberId(memberId(replier)), null, null, List.of())));
		Await.until(WAIT, () -> jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null
				and event_type like '%ReplyPosted' and listener_id like '%EarningRules%'""", Long.class) == 0);
		assertThat(points(replier)).isZero();
	}

	@Test
	void aReversalThatArrivesBeforeItsEarningLeavesNothingEarned() {
		MemberId member = new MemberId(memberId(api.newMember("early")));
		tx.executeWithoutResult(s -> ledger.reverse(member, Account.POINTS, "test:out-of-order", "undone first"));
		tx.executeWithoutResult(s -> ledger.post(Posting.of(member, Account.POINTS, 30, "test", "test:out-of-order")));
		assertThat(ledger.balance(member, Account.POINTS).balance()).isZero();
	}

	@Test
	void contentDeletedWhileItsEarningIsPostedKeepsNothingWhicheverComesFirst() throws Exception {
		for (boolean earningFirst : new boolean[] { true, false }) {
			MemberId member = new MemberId(memberId(api.newMember("raced")));
			String subject = "reply:raced-" + member.value();
			Runnable earn = () -> ledger
				.post(Posting.of(member, Account.POINTS, 7, "test", "test:raced:" + member.value()).about(subject, null));
			Runnable withdraw = () -> ledger.withdraw(subject, "deleted meanwhile");
			// the first holds its transaction open while the second starts, then commits
			CountDownLatch firstWrote = new CountDownLatch(1);
			CountDownLatch commit = new CountDownLatch(1);
			try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
				Future<?> first = pool.submit(() -> tx.executeWithoutResult(s -> {
					(earningFirst ? earn : withdraw).run();
					firstWrote.countDown();
					awaitQuietly(commit);
				}));
				assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
				Future<?> second = pool.submit(() -> tx.executeWithoutResult(s -> (earningFirst ? withdraw : earn).run()));
				Thread.sleep(200);
				commit.countDown();
				first.get(10, TimeUnit.SECONDS);
				second.get(10, TimeUnit.SECONDS);
			}
			assertThat(ledger.balance(member, Account.POINTS).balance())
				.as("points kept by deleted content, the earning %s", earningFirst ? "first" : "second")
				.isZero();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void aDailyCapCutsWhatOneReasonEarnsInADay() {
		MemberId member = new MemberId(memberId(api.newMember("capped")));
		Posting.DailyCap cap = new Posting.DailyCap(25, java.util.Set.of("test-capped"));
		List<Integer> posted = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			int n = i;
			posted.add(tx.execute(s -> ledger
				.post(Posting.of(member, Account.POINTS, 10, "test-capped", "test:cap:" + n).capped(cap))
				.amount()));
		}
		assertThat(posted).containsExactly(10, 10, 5, 0);
		assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(25);
	}

	@Test
	void fiftyHoldsAtOnceAgainstABalanceForTenPlaceExactlyTen() throws Exception {
		MemberId member = new MemberId(memberId(api.newMember("holder")));
		tx.executeWithoutResult(s -> ledger.post(Posting.of(member, Account.POINTS, 100, "test", "test:grant:" + member)));
		List<Boolean> placed = parallel(50, () -> {
			try {
				holds.place(member, 10, "test", "test:hold:" + member + ":" + java.util.UUID.randomUUID(), null);
				return true;
			}
			catch (RuleViolationException ex) {
				return false;
			}
		});
		assertThat(placed).filteredOn(Boolean::booleanValue).hasSize(10);
		assertThat(ledger.balance(member, Account.POINTS).available()).isZero();

		var open = holds.open(member);
		holds.capture(open.get(0).id());
		holds.capture(open.get(0).id());
		holds.release(open.get(1).id());
		assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(90);
		assertThat(ledger.balance(member, Account.POINTS).held()).isEqualTo(80);
		assertThat(ledger.balance(member, Account.POINTS).available()).isEqualTo(10);
		assertThatThrownBy(() -> holds.capture(open.get(1).id())).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void entriesCannotBeEditedOrDeleted() {
		MemberId member = new MemberId(memberId(api.newMember("immutable")));
		tx.executeWithoutResult(s -> ledger.post(Posting.of(member, Account.POINTS, 5, "test", "test:immutable:" + member)));
		assertThatThrownBy(() -> jdbc.update("update ledger_entry set amount = 500 where member_id = ?", member.value()))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from ledger_entry where member_id = ?", member.value()))
			.hasMessageContaining("append-only");
	}

	@Test
	void thePointsRoutesAreForSignedInMembers() {
		assertThat(api.get("/api/v1/members/me/points", null).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/members/me/check-ins", Map.of(), null).status()).isEqualTo(401);
		Member fan = api.newMember("pager");
		Response bad = api.get("/api/v1/members/me/points?size=1000", fan.token());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.isProblem()).isTrue();
		assertThat(api.get("/api/v1/members/me/check-ins?month=2026-13", fan.token()).status()).isEqualTo(400);
	}

	private long thread(Member author) {
		return api.post("/api/v1/threads", Map.of("boardId", board, "title", "Points for taking part",
				"body", "A thread that earns its author points."), author.token()).json().get("id").asLong();
	}

	private long memberId(Member member) {
		return jdbc.queryForObject("select id from member where username = ?", Long.class, member.username());
	}

	private long points(Member member) {
		return balance(member, "POINTS");
	}

	private long reputation(Member member) {
		return balance(member, "REPUTATION");
	}

	private long balance(Member member, String account) {
		return jdbc.queryForList("""
				select b.balance from ledger_balance b join member m on m.id = b.member_id
				where m.username = ? and b.account = ?""", Long.class, member.username(), account)
			.stream().findFirst().orElse(0L);
	}

	private long count(Member member) {
		return jdbc.queryForObject("""
				select count(*) from ledger_entry e join member m on m.id = e.member_id where m.username = ?""",
				Long.class, member.username());
	}

	private long entries(Member member, String reason) {
		return jdbc.queryForObject("""
				select count(*) from ledger_entry e join member m on m.id = e.member_id
				where m.username = ? and e.reason = ? and e.amount <> 0""", Long.class, member.username(), reason);
	}

	private static <T> List<T> parallel(int n, Callable<T> task) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(task));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}
}
