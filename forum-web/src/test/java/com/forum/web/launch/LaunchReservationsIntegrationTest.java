package com.forum.web.launch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.launch.Launches;
import com.forum.launch.Reservations;
import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Balance;
import com.forum.points.Ledger;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static com.forum.web.launch.LaunchCalls.body;
import static com.forum.web.launch.LaunchCalls.type;
import static com.forum.web.launch.LaunchCalls.window;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launch as members, employees and the store use it over the API: windows by level, one slot per
 * member, cancelling and the waitlist, the points price, expiry, single-use codes, pause and resume,
 * and what staff may write.
 */
@IntegrationTest
class LaunchReservationsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate db;

	@Autowired
	Ledger ledger;

	@Autowired
	Launches launches;

	@Autowired
	Reservations reservations;

	LaunchCalls calls;

	@BeforeEach
	void setUp() {
		calls = new LaunchCalls(new ApiClient(port), db, ledger, launches);
	}

	@Test
	void aLv3MemberBeforeTheOpeningIsToldTheirWindowWhileLv7MembersAlreadyReserve() {
		long launch = calls.create(body("Xiaomi 17 Ultra", 10, Instant.now().plus(Duration.ofHours(3)),
				List.of(window(7, "PT2H"), window(4, "1h")), null));
		calls.openingIn(launch, Duration.ofMinutes(90));
		Instant opening = Instant.ofEpochMilli(db.queryForObject(
				"select floor(extract(epoch from opens_at) * 1000)::bigint from launch where id = ?", Long.class, launch));
		SeededMember lv3 = calls.member("lv3", 3);
		SeededMember lv5 = calls.member("lv5", 5);
		SeededMember lv7 = calls.member("lv7", 7);

		Response tooEarly = calls.reserve(launch, lv3);
		Response lv5TooEarly = calls.reserve(launch, lv5);
		Response early = calls.reserve(launch, lv7);

		assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(403);
		assertThat(type(tooEarly)).isEqualTo("/problems/denied/launch-window");
		assertThat(tooEarly.json().get("level").asInt()).isEqualTo(3);
		assertThat(tooEarly.json().get("windowLevel").asInt()).as("the general opening").isZero();
		assertThat(Instant.parse(tooEarly.json().get("opensAt").asString())).isEqualTo(opening);
		assertThat(tooEarly.json().get("detail").asString()).contains("Lv3").contains(opening.toString());
		assertThat(lv5TooEarly.status()).isEqualTo(403);
		assertThat(lv5TooEarly.json().get("windowLevel").asInt()).isEqualTo(4);
		assertThat(Instant.parse(lv5TooEarly.json().get("opensAt").asString()))
			.isEqualTo(opening.minus(Duration.ofHours(1)));
		assertThat(early.status()).as(early.body()).isEqualTo(201);
		assertThat(early.json().get("code").asString()).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}");
		assertThat(early.json().get("state").asString()).isEqualTo("pending");

		Response standing = calls.view(launch, lv3);
		assertThat(standing.json().get("me").get("eligibility").asString()).isEqualTo("not_yet");
		assertThat(standing.json().get("me").get("level").asString()).isEqualTo("Lv3");
		assertThat(Instant.parse(standing.json().get("me").get("windowStart").asString()).truncatedTo(ChronoUnit.MILLIS))
			.isEqualTo(opening);
		assertThat(standing.json().get("slotsLeft").asInt()).isEqualTo(9);
	}

	@Test
	void oneSlotPerMemberAndSoldOutIsClear() {
		long launch = calls.onSale(1, null);
		SeededMember first = calls.member("first", 1);
		SeededMember second = calls.member("second", 1);

		assertThat(calls.reserve(launch, first).status()).isEqualTo(201);
		Response again = calls.reserve(launch, first);
		Response late = calls.reserve(launch, second);

		assertThat(again.status()).isEqualTo(409);
		assertThat(type(again)).isEqualTo("/problems/rules/launch-already-reserved");
		assertThat(late.status()).isEqualTo(409);
		assertThat(type(late)).isEqualTo("/problems/rules/launch-sold-out");
		assertThat(calls.view(launch, second).json().get("me").get("eligibility").asString()).isEqualTo("sold_out");
		Response figures = calls.figures(launch);
		assertThat(figures.json().get("taken").asInt()).isEqualTo(1);
		assertThat(figures.json().get("stockInRedis").asLong()).isZero();
		assertThat(figures.json().get("rejections").get("SOLD_OUT").asLong()).isEqualTo(1);
		assertThat(figures.json().get("rejections").get("ALREADY").asLong()).isEqualTo(1);
		assertThat(figures.json().get("attemptsPerSecond").asDouble()).isPositive();
	}

	@Test
	void aRetryAfterSoldOutHearsTheSameWithoutAskingAgainUntilASlotIsFreed() {
		long launch = calls.onSale(1, null);
		SeededMember holder = calls.member("holder", 1);
		SeededMember fan = calls.member("fan", 1);
		assertThat(calls.reserve(launch, holder).status()).isEqualTo(201);

		Response soldOut = calls.reserve(launch, fan);
		Response retry = calls.reserve(launch, fan);

		assertThat(soldOut.status()).isEqualTo(409);
		assertThat(retry.status()).isEqualTo(409);
		assertThat(retry.json()).isEqualTo(soldOut.json());
		assertThat(calls.figures(launch).json().get("rejections").get("SOLD_OUT").asLong())
			.as("sold-out answers admission gave (the retry's came from the memo)")
			.isEqualTo(1);

		assertThat(calls.cancel(launch, holder).status()).isEqualTo(200);
		Response afterCancelling = calls.reserve(launch, fan);
		assertThat(afterCancelling.status()).as(afterCancelling.body()).isEqualTo(201);
	}

	@Test
	void aCancelledSlotGoesToTheWaitlistInTheOrderMembersJoined() {
		long launch = calls.onSale(2, null);
		SeededMember a = calls.member("a", 1);
		SeededMember b = calls.member("b", 1);
		SeededMember c = calls.member("c", 1);
		SeededMember d = calls.member("d", 1);
		SeededMember e = calls.member("e", 1);
		calls.reserve(launch, a);
		calls.reserve(launch, b);
		Response tooEarlyToWait = calls.api.post("/api/v1/launches/" + calls.onSale(5, null) + "/waitlist", Map.of(),
				c.token());
		assertThat(tooEarlyToWait.status()).isEqualTo(409);
		assertThat(type(tooEarlyToWait)).isEqualTo("/problems/rules/launch-not-sold-out");

		assertThat(waitlist(launch, c)).isEqualTo(1);
		assertThat(waitlist(launch, d)).isEqualTo(2);
		assertThat(waitlist(launch, e)).isEqualTo(3);
		assertThat(waitlist(launch, c)).as("joining again keeps the place").isEqualTo(1);
		assertThat(calls.api.delete("/api/v1/launches/" + launch + "/waitlist", d.token()).status()).isEqualTo(204);
		assertThat(waitlist(launch, d)).as("back at the end").isEqualTo(3);

		Response cancelled = calls.cancel(launch, a);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
		Response promoted = calls.view(launch, c);
		assertThat(promoted.json().get("me").get("reservation").get("promoted").asBoolean()).isTrue();
		assertThat(promoted.json().get("me").get("waitlistPosition").isNull()).isTrue();
		assertThat(calls.view(launch, e).json().get("me").get("waitlistPosition").asInt()).isEqualTo(1);

		calls.cancel(launch, b);
		assertThat(calls.view(launch, e).json().get("me").get("eligibility").asString()).isEqualTo("reserved");
		assertThat(calls.view(launch, d).json().get("me").get("waitlistPosition").asInt()).isEqualTo(1);
		assertThat(calls.cancel(launch, a).status()).as("nothing left to cancel").isEqualTo(404);
		assertThat(db.queryForList("select action from launch_audit where launch_id = ? order by id", String.class,
				launch)).containsSubsequence("RESERVED", "RESERVED", "CANCELLED", "PROMOTED", "CANCELLED", "PROMOTED");
		Await.until(Duration.ofSeconds(20), () -> db.queryForObject(
				"select count(*) from notification where recipient_id in (?, ?) and kind = 'launch-promoted'", Long.class,
				c.id(), e.id()) == 2);
		assertThat(db.queryForObject("select count(*) from outgoing_email where recipient_id = ? and dedupe_key like"
				+ " 'launch-reservation:%:promoted'", Long.class, c.id())).isEqualTo(1);
		assertThat(calls.figures(launch).json().get("stockInRedis").asLong()).isZero();
	}

	@Test
	void thePointsPriceIsHeldAtReservationSpentAtRedemptionAndGivenBackOnCancelling() {
		long launch = calls.onSale(5, 30);
		SeededMember fan = calls.member("fan", 1);
		SeededMember poor = calls.member("poor", 1);
		calls.givePoints(fan, 50);
		calls.givePoints(poor, 10);

		Response refused = calls.reserve(launch, poor);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(type(refused)).isEqualTo("/problems/rules/insufficient-points");
		assertThat(calls.figures(launch).json().get("stockInRedis").asLong()).as("the slot went back").isEqualTo(5);

		assertThat(calls.reserve(launch, fan).status()).isEqualTo(201);
		assertThat(points(fan)).isEqualTo(new Balance(50, 30));
		assertThat(calls.cancel(launch, fan).status()).isEqualTo(200);
		assertThat(points(fan)).isEqualTo(new Balance(50, 0));

		Response again = calls.reserve(launch, fan);
		assertThat(again.status()).as("a second reservation after cancelling").isEqualTo(201);
		assertThat(points(fan)).isEqualTo(new Balance(50, 30));
		Response redeemed = calls.redeem(again.json().get("code").asString(), calls.employee);
		assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
		assertThat(redeemed.json().get("state").asString()).isEqualTo("confirmed");
		assertThat(points(fan)).isEqualTo(new Balance(20, 0));
		Response cancelConfirmed = calls.cancel(launch, fan);
		assertThat(cancelConfirmed.status()).isEqualTo(409);
		assertThat(type(cancelConfirmed)).isEqualTo("/problems/rules/reservation-confirmed");
	}

	@Test
	void aCodeIsRedeemedOnceAndOnlyByStaff() {
		long launch = calls.onSale(3, null);
		SeededMember fan = calls.member("fan", 1);
		String code = calls.reserve(launch, fan).json().get("code").asString();

		assertThat(calls.redeem(code, null).status()).isEqualTo(401);
		assertThat(calls.redeem(code, fan.token()).status()).isEqualTo(403);
		Response first = calls.redeem(code.toLowerCase().replace("-", ""), calls.employee);
		Response second = calls.redeem(code, calls.api.token("admin", "admin-demo-2026"));
		Response unknown = calls.redeem("ABCD-EFGH-JKLM-NPQR", calls.employee);

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("code").asString()).isEqualTo(code);
		assertThat(second.status()).isEqualTo(409);
		assertThat(type(second)).isEqualTo("/problems/rules/reservation-code-used");
		assertThat(unknown.status()).isEqualTo(404);
		Response mine = calls.api.get("/api/v1/members/me/reservations", fan.token());
		assertThat(mine.json().get(0).get("code").asString()).isEqualTo(code);
		assertThat(mine.json().get(0).get("state").asString()).isEqualTo("confirmed");
		assertThat(db.queryForObject("select count(*) from launch_audit where launch_id = ? and action = 'REDEEMED'",
				Long.class, launch)).isEqualTo(1);
	}

	@Test
	void anUnconfirmedReservationExpiresAfterAReminderAndItsSlotGoesToTheWaitlist() {
		long launch = calls.onSale(1, 20);
		SeededMember slow = calls.member("slow", 1);
		SeededMember waiting = calls.member("waiting", 1);
		calls.givePoints(slow, 20);
		calls.givePoints(waiting, 20);
		long reservation = calls.reserve(launch, slow).json().get("id").asLong();
		assertThat(waitlist(launch, waiting)).isEqualTo(1);

		db.update("update launch_reservation set expires_at = now() + interval '1 minute' where id = ?", reservation);
		assertThat(reservations.remindDue()).isPositive();
		assertThat(reservations.remindDue()).as("once").isZero();
		Await.until(Duration.ofSeconds(20), () -> db.queryForObject(
				"select count(*) from notification where recipient_id = ? and kind = 'launch-expiring'", Long.class,
				slow.id()) == 1);

		db.update("update launch_reservation set expires_at = now() - interval '1 second' where id = ?", reservation);
		assertThat(reservations.expireDue()).isPositive();

		assertThat(db.queryForObject("select state from launch_reservation where id = ?", String.class, reservation))
			.isEqualTo("EXPIRED");
		assertThat(points(slow)).as("the held points are back").isEqualTo(new Balance(20, 0));
		Response promoted = calls.view(launch, waiting);
		assertThat(promoted.json().get("me").get("reservation").get("state").asString()).isEqualTo("pending");
		assertThat(points(waiting)).isEqualTo(new Balance(20, 20));
		String code = db.queryForObject("select code from launch_reservation where id = ?", String.class, reservation);
		Response late = calls.redeem(code, calls.employee);
		assertThat(late.status()).isEqualTo(409);
		assertThat(type(late)).isEqualTo("/problems/rules/reservation-code-void");
	}

	@Test
	void aPausedLaunchRefusesUntilResumedAndAClosedOneForGood() {
		long launch = calls.onSale(3, null);
		SeededMember fan = calls.member("fan", 1);

		assertThat(calls.api.post("/api/v1/launches/" + launch + "/pause", Map.of(), calls.employee).status())
			.isEqualTo(200);
		Response paused = calls.reserve(launch, fan);
		assertThat(paused.status()).isEqualTo(409);
		assertThat(type(paused)).isEqualTo("/problems/rules/launch-paused");
		assertThat(calls.api.post("/api/v1/launches/" + launch + "/pause", Map.of(), calls.employee).status())
			.as("pausing twice").isEqualTo(409);

		calls.api.post("/api/v1/launches/" + launch + "/resume", Map.of(), calls.employee);
		assertThat(calls.reserve(launch, fan).status()).isEqualTo(201);

		Response closed = calls.api.post("/api/v1/launches/" + launch + "/close", Map.of(), calls.employee);
		assertThat(closed.json().get("state").asString()).isEqualTo("closed");
		Response late = calls.reserve(launch, calls.member("late", 1));
		assertThat(type(late)).isEqualTo("/problems/rules/launch-closed");
		assertThat(db.queryForList("select action from launch_audit where launch_id = ? and actor_id is not null"
				+ " and reservation_id is null order by id", String.class, launch))
			.containsExactly("CREATED", "PAUSE", "RESUME", "CLOSE");
	}

	@Test
	void staffEditALaunchUntilItsFirstWindowAndMembersCannotRunLaunches() {
		long launch = calls.create(3, null);
		SeededMember member = calls.member("member", 1);
		Map<String, Object> bigger = body("Bigger phone", 8, Instant.now().plus(Duration.ofDays(3)),
				List.of(window(7, "48h")), 10);

		assertThat(calls.api.post("/api/v1/launches", bigger, member.token()).status()).isEqualTo(403);
		assertThat(calls.api.post("/api/v1/launches", bigger, null).status()).isEqualTo(401);
		assertThat(calls.api.put("/api/v1/launches/" + launch, bigger, member.token()).status()).isEqualTo(403);
		assertThat(calls.api.post("/api/v1/launches/" + launch + "/pause", Map.of(), member.token()).status())
			.isEqualTo(403);
		assertThat(calls.api.get("/api/v1/launches/" + launch + "/figures", member.token()).status()).isEqualTo(403);
		assertThat(calls.api.post("/api/v1/launches/" + launch + "/reservations", Map.of(), null).status())
			.isEqualTo(401);

		Response edited = calls.api.put("/api/v1/launches/" + launch, bigger, calls.employee);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("slots").asInt()).isEqualTo(8);
		assertThat(edited.json().get("windows").get(0).get("opensBefore").asString()).isEqualTo("PT48H");
		assertThat(calls.figures(launch).json().get("stockInRedis").asLong()).isEqualTo(8);

		calls.openingIn(launch, Duration.ofMinutes(-1));
		Response tooLate = calls.api.put("/api/v1/launches/" + launch, bigger, calls.employee);
		assertThat(tooLate.status()).isEqualTo(409);
		assertThat(type(tooLate)).isEqualTo("/problems/rules/launch-started");
	}

	@Test
	void aDraftIsHiddenFromMembersUntilOpened() {
		Map<String, Object> draft = body("Secret phone", 2, Instant.now().plus(Duration.ofDays(1)), List.of(), null);
		draft.put("draft", true);
		long launch = calls.create(draft);
		SeededMember member = calls.member("member", 1);

		assertThat(calls.view(launch, member).status()).isEqualTo(404);
		assertThat(calls.api.get("/api/v1/launches/" + launch, calls.employee).json().get("state").asString())
			.isEqualTo("draft");
		calls.api.post("/api/v1/launches/" + launch + "/open", Map.of(), calls.employee);
		assertThat(calls.view(launch, member).status()).isEqualTo(200);
	}

	@Test
	void mistakesInALaunchGetClearProblemsAndWriteNothing() {
		long launch = calls.create(2, null);
		String count = "select count(*) || '/' || coalesce(sum(slots), 0) from launch";
		String before = db.queryForObject(count, String.class);
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
		Map<String, Object> inThePast = body("Phone", 10, Instant.now().minus(Duration.ofHours(1)), List.of(), null);
		Map<String, String> cases = Map.of(
				"slots", json(body("Phone", -5, tomorrow, List.of(), null)),
				"opensAt", json(inThePast),
				"windows", json(body("Phone", 10, tomorrow, List.of(window(0, "1h")), null)),
				"product", json(body(" ", 10, tomorrow, List.of(), null)),
				"pointsPrice", json(body("Phone", 10, tomorrow, List.of(), -3)));
		for (var mistake : cases.entrySet()) {
			Response refused = calls.api.sendRaw("POST", "/api/v1/launches", mistake.getValue(), "application/json",
					calls.employee);
			assertThat(refused.status()).as(mistake.getKey() + ": " + refused.body()).isEqualTo(400);
			assertThat(type(refused)).isEqualTo("/problems/validation");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(mistake.getKey());
		}
		Response sameLevelTwice = calls.api.post("/api/v1/launches", body("Phone", 10, tomorrow,
				List.of(window(4, "1h"), window(4, "2h")), null), calls.employee);
		Response badDuration = calls.api.post("/api/v1/launches", body("Phone", 10, tomorrow,
				List.of(window(4, "soon")), null), calls.employee);
		Response slotsBelowTaken = calls.api.put("/api/v1/launches/" + launch,
				body("Phone", 0, tomorrow, List.of(), null), calls.employee);

		assertThat(sameLevelTwice.status()).isEqualTo(400);
		assertThat(badDuration.status()).isEqualTo(400);
		assertThat(badDuration.json().get("errors").get(0).get("message").asString()).contains("PT48H");
		assertThat(slotsBelowTaken.status()).isEqualTo(400);
		assertThat(db.queryForObject(count, String.class)).as("nothing written").isEqualTo(before);
		assertThat(calls.api.get("/api/v1/launches/999999999", null).status()).isEqualTo(404);
		Response unknown = calls.reserve(999_999_999L, calls.member("lost", 1));
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
		Response chinese = calls.api.get("/api/v1/launches/999999999", null, "zh-CN");
		assertThat(chinese.json().get("detail").asString()).contains("首发");
	}

	@Test
	void membersWhoAskedAreToldInTheirLanguageWhenTheirWindowOpensAndOnlyOnce() {
		long launch = calls.create(body("Xiaomi Pad", 5, Instant.now().plus(Duration.ofHours(3)),
				List.of(window(7, "PT2H")), null));
		SeededMember early = calls.member("early", 7);
		SeededMember general = calls.member("general", 2);
		SeededMember quiet = calls.member("quiet", 7);
		db.update("update member set language = 'zh-CN' where id = ?", early.id());
		assertThat(calls.api.put("/api/v1/launches/" + launch + "/watch", Map.of(), early.token()).status())
			.isEqualTo(204);
		assertThat(calls.api.put("/api/v1/launches/" + launch + "/watch", Map.of(), general.token()).status())
			.isEqualTo(204);
		assertThat(calls.view(launch, early).json().get("me").get("watching").asBoolean()).isTrue();

		calls.openingIn(launch, Duration.ofMinutes(90));
		reservations.announceWindows();
		reservations.announceWindows();

		Await.until(Duration.ofSeconds(20), () -> db.queryForObject(
				"select count(*) from outgoing_email where recipient_id = ? and dedupe_key = ?", Long.class, early.id(),
				"launch:" + launch + ":window-open") == 1);
		assertThat(db.queryForObject("select subject from outgoing_email where recipient_id = ? and dedupe_key = ?",
				String.class, early.id(), "launch:" + launch + ":window-open")).contains("Xiaomi Pad").contains("预约时段");
		assertThat(db.queryForObject("select count(*) from notification where recipient_id in (?, ?) and kind ="
				+ " 'launch-window-open'", Long.class, general.id(), quiet.id()))
			.as("a member whose window is still closed, and one who did not ask").isZero();

		calls.openingIn(launch, Duration.ofMinutes(-1));
		reservations.announceWindows();
		Await.until(Duration.ofSeconds(20), () -> db.queryForObject(
				"select count(*) from notification where recipient_id = ? and kind = 'launch-window-open'", Long.class,
				general.id()) == 1);
		assertThat(db.queryForObject("select count(*) from notification where recipient_id = ? and kind ="
				+ " 'launch-window-open'", Long.class, early.id())).as("told once").isEqualTo(1);
	}

	private int waitlist(long launch, SeededMember member) {
		Response joined = calls.api.post("/api/v1/launches/" + launch + "/waitlist", Map.of(), member.token());
		assertThat(joined.status()).as(joined.body()).isEqualTo(200);
		return joined.json().get("position").asInt();
	}

	private Balance points(SeededMember member) {
		return ledger.balance(new MemberId(member.id()), Account.POINTS);
	}

	private static String json(Map<String, Object> body) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}
}
