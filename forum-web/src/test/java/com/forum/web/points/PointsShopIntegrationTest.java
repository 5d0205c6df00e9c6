package com.forum.web.points;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.HoldReleased;
import com.forum.points.Ledger;
import com.forum.points.PointsHolds;
import com.forum.points.Posting;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.Replays;
import com.forum.web.SeededMember;

import static com.forum.web.points.ShopCalls.newItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points shop and admins' adjustments through the API, against real PostgreSQL: redemptions
 * hold points and stock until fulfilled, cancelled or expired; neither the balance nor the stock
 * ever goes below zero, however many requests arrive at once; a repeated request redeems once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsShopIntegrationTest {

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

	String admin;

	ShopCalls shop;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		admin = api.token("admin", "admin-demo-2026");
		shop = new ShopCalls(api, admin);
	}

	@Test
	void aRedemptionHoldsThePriceUntilStaffFulfilItAndTheMemberSeesTheCode() {
		long item = item("Mi Band strap code", "小米手环腕带兑换码", "merchandise", 300, 0, null);
		Response loaded = api.post("/api/v1/admin/shop/items/" + item + "/codes",
				Map.of("codes", List.of("STRAP-0001", "STRAP-0002", " ", "STRAP-0001")), admin);
		assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
		assertThat(loaded.json().get("loaded").asInt()).isEqualTo(2);
		assertThat(loaded.json().get("stock").asInt()).isEqualTo(2);
		Member fan = api.newMember("redeemer");
		grant(fan, 1000);

		Response redeemed = api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), fan.token());
		assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
		assertThat(redeemed.json().get("state").asString()).isEqualTo("pending");
		assertThat(redeemed.json().get("code").isNull()).isTrue();
		long redemption = redeemed.json().get("id").asLong();
		Response points = api.get("/api/v1/members/me/points", fan.token());
		assertThat(points.json().get("balance").asLong()).isEqualTo(1000);
		assertThat(points.json().get("held").asLong()).isEqualTo(300);
		assertThat(points.json().get("available").asLong()).isEqualTo(700);
		assertThat(stock(item)).isEqualTo(1);

		Response pending = api.get("/api/v1/admin/shop/redemptions?state=pending&size=100", admin);
		assertThat(pending.json().get("items").findValuesAsString("member")).contains(fan.username());
		Response fulfilled = api.post("/api/v1/admin/shop/redemptions/" + redemption + "/fulfilment", Map.of(), admin);
		assertThat(fulfilled.status()).as(fulfilled.body()).isEqualTo(200);
		assertThat(fulfilled.json().get("state").asString()).isEqualTo("fulfilled");
		assertThat(fulfilled.json().get("code").asString()).isEqualTo("STRAP-0001");
		// fulfilling again hands out nothing more
		assertThat(api.post("/api/v1/admin/shop/redemptions/" + redemption + "/fulfilment", Map.of(), admin)
			.json().get("code").asString()).isEqualTo("STRAP-0001");

		Response mine = api.get("/api/v1/members/me/redemptions", fan.token());
		assertThat(mine.json().get("items").get(0).get("code").asString()).isEqualTo("STRAP-0001");
		points = api.get("/api/v1/members/me/points", fan.token());
		assertThat(points.json().get("balance").asLong()).isEqualTo(700);
		assertThat(points.json().get("held").asLong()).isZero();
		assertThat(points.json().get("history").get("items").get(0).get("reason").asString()).isEqualTo("shop");
		assertThat(api.get("/api/v1/admin/shop/items", admin).json().findValues("id").stream()
			.filter(id -> id.asLong() == item)).hasSize(1);
	}

	@Test
	void cancellingGivesThePointsAndTheUnitBackOnce() {
		long item = item("5% off coupon", "95折优惠券", "coupon", 200, 3, null);
		Member fan = api.newMember("canceller");
		grant(fan, 200);
		long redemption = api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), fan.token()).json()
			.get("id").asLong();
		assertThat(available(fan)).isZero();

		Response cancelled = api.post("/api/v1/members/me/redemptions/" + redemption + "/cancellation", Map.of(),
				fan.token());
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().get("state").asString()).isEqualTo("cancelled");
		assertThat(available(fan)).isEqualTo(200);
		assertThat(stock(item)).isEqualTo(3);

		Response again = api.post("/api/v1/members/me/redemptions/" + redemption + "/cancellation", Map.of(),
				fan.token());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("/problems/rules/redemption-settled");
		Response fulfil = api.post("/api/v1/admin/shop/redemptions/" + redemption + "/fulfilment", Map.of(), admin);
		assertThat(fulfil.status()).isEqualTo(409);
		Await.until(WAIT, () -> unfinished("HoldReleased") == 0);
		assertThat(stock(item)).isEqualTo(3);
	}

	@Test
	void anExpiredRedemptionGivesItsUnitBackOnceHoweverOftenTheEventArrives() {
		long item = item("Power bank voucher", "充电宝兑换券", "merchandise", 50, 2, null);
		Member fan = api.newMember("sleeper");
		grant(fan, 100);
		long redemption = redeem(item, fan).json().get("id").asLong();
		long hold = jdbc.queryForObject("select hold_id from shop_redemption where id = ?", Long.class, redemption);
		jdbc.update("update points_hold set expires_at = now() - interval '1 minute' where id = ?", hold);

		holds.releaseExpired();
		Await.until(WAIT, () -> "EXPIRED".equals(state(redemption)));
		assertThat(stock(item)).isEqualTo(2);
		assertThat(available(fan)).isEqualTo(100);

		MemberId member = new MemberId(memberId(fan));
		Replays.publish(tx, events, jdbc, 3, new HoldReleased(hold, member, "shop", "replayed", true));
		Await.until(WAIT, () -> unfinished("HoldReleased") == 0);
		assertThat(stock(item)).isEqualTo(2);
		assertThat(api.get("/api/v1/members/me/redemptions", fan.token()).json().get("items").get(0).get("state")
			.asString()).isEqualTo("expired");
	}

	@Test
	void fiftyRedemptionsAtOnceByAMemberWhoseBalanceCoversTenRedeemExactlyTen() throws Exception {
		long item = item("Sticker pack", "贴纸包", "merchandise", 10, 1000, 100);
		Member fan = api.newMember("eager");
		grant(fan, 100);

		List<Response> answers = parallel(50,
				() -> api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), fan.token()));

		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(10);
		assertThat(answers).filteredOn(r -> r.status() == 409)
			.hasSize(40)
			.allSatisfy(r -> assertThat(r.json().get("type").asString()).isEqualTo("/problems/rules/insufficient-points"));
		assertThat(available(fan)).isZero();
		assertThat(ledger.balance(new MemberId(memberId(fan)), Account.POINTS).held()).isEqualTo(100);
		assertThat(stock(item)).isEqualTo(990);
		assertThat(jdbc.queryForObject("select count(*) from shop_redemption where item_id = ?", Long.class, item))
			.isEqualTo(10);
	}

	@Test
	void fiftyMembersAtOnceOnAnItemWithStockFiveGetExactlyFiveAndTheStockEndsAtZero() throws Exception {
		long item = item("Xiaomi 17 launch pass", "小米17发布会门票", "merchandise", 100, 5, null);
		List<SeededMember> fans = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			SeededMember fan = SeededMember.create(jdbc, "crowd", "MEMBER", "none");
			tx.executeWithoutResult(s -> ledger.post(Posting.of(new MemberId(fan.id()), Account.POINTS, 500, "test",
					"test:crowd:" + fan.id())));
			fans.add(fan);
		}

		List<Response> answers = parallel(fans.size(), fans.stream()
			.map(fan -> (Callable<Response>) () -> api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(),
					fan.token()))
			.toList());

		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(5);
		assertThat(answers).filteredOn(r -> r.status() == 409)
			.hasSize(45)
			.allSatisfy(r -> assertThat(r.json().get("type").asString()).isEqualTo("/problems/rules/shop-sold-out"));
		assertThat(stock(item)).isZero();
		assertThat(jdbc.queryForObject("""
				select count(*) from points_hold h join shop_redemption r on r.hold_id = h.id
				where r.item_id = ? and h.state = 'HELD'""", Long.class, item)).isEqualTo(5);
	}

	@Test
	void aDoubleClickWithTheSameIdempotencyKeyRedeemsOnce() throws Exception {
		long item = item("Mi Home voucher", "米家代金券", "coupon", 40, 10, 5);
		long other = item("Another voucher", "另一张代金券", "coupon", 40, 10, 5);
		Member fan = api.newMember("double");
		grant(fan, 400);
		Map<String, String> key = Map.of("Idempotency-Key", "click-" + UUID.randomUUID());

		List<Response> answers = parallel(10,
				() -> api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), fan.token(), key));

		assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(9);
		assertThat(answers).extracting(r -> r.json().get("id").asLong()).containsOnly(answers.getFirst().json().get("id").asLong());
		assertThat(available(fan)).isEqualTo(360);
		assertThat(stock(item)).isEqualTo(9);

		Response elsewhere = api.post("/api/v1/shop/items/" + other + "/redemptions", Map.of(), fan.token(), key);
		assertThat(elsewhere.status()).isEqualTo(409);
		assertThat(elsewhere.json().get("type").asString()).isEqualTo("/problems/rules/request-key-reused");
		Response bad = api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), fan.token(),
				Map.of("Idempotency-Key", "x".repeat(101)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(available(fan)).isEqualTo(360);
	}

	@Test
	void aMemberRedeemsAnItemAtMostTheConfiguredNumberOfTimes() {
		long item = item("Mi Band", "小米手环", "merchandise", 10, 10, null);
		Member fan = api.newMember("limited");
		grant(fan, 100);
		assertThat(redeem(item, fan).status()).isEqualTo(201);
		long second = redeem(item, fan).json().get("id").asLong();

		Response third = redeem(item, fan);
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.json().get("type").asString()).isEqualTo("/problems/rules/shop-limit-reached");
		assertThat(third.json().get("detail").asString()).contains("2");

		api.post("/api/v1/members/me/redemptions/" + second + "/cancellation", Map.of(), fan.token());
		assertThat(redeem(item, fan).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/shop/items/" + item, null).json().get("perMemberLimit").asInt()).isEqualTo(2);
	}

	@Test
	void anItemWhoseCodesRanOutCannotBeFulfilledAndItsRedemptionStaysPending() {
		long item = item("Redmi coupon", "红米优惠券", "coupon", 10, 0, 5);
		api.post("/api/v1/admin/shop/items/" + item + "/codes", Map.of("codes", List.of("ONLY-ONE")), admin);
		assertThat(api.put("/api/v1/admin/shop/items/" + item, Map.of("stock", 2), admin).json().get("stock").asInt())
			.isEqualTo(2);
		Member fan = api.newMember("late");
		grant(fan, 100);
		long first = redeem(item, fan).json().get("id").asLong();
		long second = redeem(item, fan).json().get("id").asLong();

		assertThat(api.post("/api/v1/admin/shop/redemptions/" + first + "/fulfilment", Map.of(), admin).status())
			.isEqualTo(200);
		Response refused = api.post("/api/v1/admin/shop/redemptions/" + second + "/fulfilment", Map.of(), admin);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/rules/shop-codes-exhausted");
		assertThat(state(second)).isEqualTo("PENDING");
		assertThat(ledger.balance(new MemberId(memberId(fan)), Account.POINTS).held()).isEqualTo(10);
	}

	@Test
	void aWithdrawnItemIsNoLongerOfferedButAdminsStillFindIt() {
		long item = item("Old coupon", "旧优惠券", "coupon", 10, 5, null);
		Response withdrawn = api.put("/api/v1/admin/shop/items/" + item, Map.of("active", false, "price", 20), admin);
		assertThat(withdrawn.json().get("active").asBoolean()).isFalse();
		assertThat(withdrawn.json().get("price").asInt()).isEqualTo(20);
		assertThat(withdrawn.json().get("stock").asInt()).isEqualTo(5);
		Member fan = api.newMember("browser");
		grant(fan, 100);

		assertThat(api.get("/api/v1/shop/items/" + item, fan.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/shop/items", null).json().findValues("id").stream().map(n -> n.asLong()))
			.doesNotContain(item);
		assertThat(redeem(item, fan).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/shop/items/" + item, admin).status()).isEqualTo(200);
	}

	@Test
	void adminsAdjustPointsWithAReasonAndEveryAdjustmentStaysOnTheRecord() {
		Member fan = api.newMember("adjusted");
		String path = "/api/v1/admin/members/" + fan.username() + "/points-adjustments";
		Map<String, String> key = Map.of("Idempotency-Key", "adjust-" + UUID.randomUUID());

		Response added = api.post(path, Map.of("amount", 200, "reason", "Compensation for the outage"), admin, key);
		Response repeated = api.post(path, Map.of("amount", 200, "reason", "Compensation for the outage"), admin, key);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("balance").asLong()).isEqualTo(200);
		assertThat(added.json().get("admin").asString()).isEqualTo("admin");
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.json().get("entryId").asLong()).isEqualTo(added.json().get("entryId").asLong());

		Response tooMuch = api.post(path, Map.of("amount", -500, "reason", "Spam"), admin);
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.json().get("type").asString()).isEqualTo("/problems/rules/insufficient-points");
		assertThat(tooMuch.json().get("detail").asString()).contains("500", "200");
		Response removed = api.post(path, Map.of("amount", -50, "reason", "Duplicate account bonus"), admin);
		assertThat(removed.status()).isEqualTo(201);
		assertThat(removed.json().get("balance").asLong()).isEqualTo(150);

		var history = api.get("/api/v1/members/me/points", fan.token()).json().get("history").get("items");
		assertThat(history.get(0).get("note").asString()).isEqualTo("Duplicate account bonus");
		assertThat(history.get(0).get("reverses").isNull()).as("an entry with a note reverses nothing").isTrue();
		Response listed = api.get("/api/v1/admin/points-adjustments?member=" + fan.username(), admin);
		assertThat(listed.json().get("totalItems").asLong()).isEqualTo(2);
		assertThat(listed.json().get("items").get(0).get("amount").asInt()).isEqualTo(-50);
		assertThat(listed.json().get("items").get(0).get("reason").asString()).isEqualTo("Duplicate account bonus");
		assertThat(listed.json().get("items").get(1).get("member").asString()).isEqualTo(fan.username());
		assertThat(api.get("/api/v1/admin/points-adjustments", admin).json().get("totalItems").asLong())
			.isGreaterThanOrEqualTo(2);
		Map<String, Object> entry = jdbc.queryForMap("""
				select e.reason, e.note, a.username as admin from ledger_entry e join member a on a.id = e.actor_id
				where e.id = ?""", added.json().get("entryId").asLong());
		assertThat(entry).containsEntry("reason", "adjustment")
			.containsEntry("note", "Compensation for the outage")
			.containsEntry("admin", "admin");
	}

	@Test
	void membersAndAnonymousVisitorsCannotReachWhatIsNotTheirs() {
		long item = item("Guarded coupon", "受保护的优惠券", "coupon", 10, 5, null);
		Member fan = api.newMember("nosy");
		Member other = api.newMember("owner");
		grant(other, 100);
		long redemption = redeem(item, other).json().get("id").asLong();
		String employee = SeededMember.create(jdbc, "staff", "EMPLOYEE", "none").token();

		assertThat(api.get("/api/v1/shop/items", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/shop/items/" + item, null).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/members/me/redemptions", null).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/members/me/redemptions/" + redemption + "/cancellation", Map.of(), null).status())
			.isEqualTo(401);
		assertThat(api.get("/api/v1/admin/shop/redemptions", null).status()).isEqualTo(401);
		// someone else's redemption is not found, so its existence is not given away
		Response foreign = api.post("/api/v1/members/me/redemptions/" + redemption + "/cancellation", Map.of(),
				fan.token());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(state(redemption)).isEqualTo("PENDING");
		// the shop is run by admins; employees fulfil nothing either
		for (String token : List.of(fan.token(), employee)) {
			assertThat(api.post("/api/v1/admin/shop/items", newItem("Free phone", "免费手机", "coupon", 1, 1), token)
				.status()).isEqualTo(403);
			assertThat(api.put("/api/v1/admin/shop/items/" + item, Map.of("stock", 1000), token).status())
				.isEqualTo(403);
			assertThat(api.post("/api/v1/admin/shop/items/" + item + "/codes", Map.of("codes", List.of("X")), token)
				.status()).isEqualTo(403);
			assertThat(api.get("/api/v1/admin/shop/redemptions", token).status()).isEqualTo(403);
			assertThat(api.post("/api/v1/admin/shop/redemptions/" + redemption + "/fulfilment", Map.of(), token)
				.status()).isEqualTo(403);
			assertThat(api.post("/api/v1/admin/members/" + fan.username() + "/points-adjustments",
					Map.of("amount", 1000, "reason", "me"), token).status()).isEqualTo(403);
			assertThat(api.get("/api/v1/admin/points-adjustments", token).status()).isEqualTo(403);
		}
		assertThat(stock(item)).isEqualTo(4);
		assertThat(available(fan)).isZero();
	}

	@Test
	void badInputGetsAClearProblemAndChangesNothing() {
		long item = item("Careful coupon", "谨慎优惠券", "coupon", 10, 1, null);
		Member fan = api.newMember("careless");
		grant(fan, 5);
		String before = shopState(fan);

		Map<String, Response> refused = new LinkedHashMap<>();
		refused.put("unknown item", api.get("/api/v1/shop/items/999999999", null));
		refused.put("redeem unknown item", api.post("/api/v1/shop/items/999999999/redemptions", Map.of(), fan.token()));
		refused.put("non-numeric item", api.get("/api/v1/shop/items/abc", null));
		refused.put("non-numeric redemption",
				api.post("/api/v1/members/me/redemptions/abc/cancellation", Map.of(), fan.token()));
		refused.put("unknown redemption",
				api.post("/api/v1/members/me/redemptions/999999999/cancellation", Map.of(), fan.token()));
		refused.put("insufficient points", redeem(item, fan));
		refused.put("negative price", api.post("/api/v1/admin/shop/items", newItem("A", "甲", "coupon", -1, 1), admin));
		refused.put("huge price", api.post("/api/v1/admin/shop/items", newItem("A", "甲", "coupon", 2_000_000, 1), admin));
		refused.put("price beyond int", api.sendRaw("POST", "/api/v1/admin/shop/items", """
				{"titleEn":"A","titleZh":"甲","kind":"coupon","price":99999999999,"stock":1}""", "application/json",
				admin));
		refused.put("non-numeric price", api.sendRaw("POST", "/api/v1/admin/shop/items", """
				{"titleEn":"A","titleZh":"甲","kind":"coupon","price":"cheap","stock":1}""", "application/json", admin));
		refused.put("negative stock", api.post("/api/v1/admin/shop/items", newItem("A", "甲", "coupon", 1, -1), admin));
		refused.put("huge stock", api.put("/api/v1/admin/shop/items/" + item, Map.of("stock", 5_000_000), admin));
		refused.put("no Chinese title", api.post("/api/v1/admin/shop/items", newItem("A", " ", "coupon", 1, 1), admin));
		refused.put("unknown kind", api.post("/api/v1/admin/shop/items", newItem("A", "甲", "phone", 1, 1), admin));
		refused.put("no codes", api.post("/api/v1/admin/shop/items/" + item + "/codes", Map.of("codes", List.of()), admin));
		refused.put("blank codes",
				api.post("/api/v1/admin/shop/items/" + item + "/codes", Map.of("codes", List.of(" ", "")), admin));
		refused.put("codes for unknown item",
				api.post("/api/v1/admin/shop/items/999999999/codes", Map.of("codes", List.of("C")), admin));
		refused.put("unknown state", api.get("/api/v1/admin/shop/redemptions?state=lost", admin));
		refused.put("empty reason", api.post("/api/v1/admin/members/" + fan.username() + "/points-adjustments",
				Map.of("amount", 10, "reason", "  "), admin));
		refused.put("zero amount", api.post("/api/v1/admin/members/" + fan.username() + "/points-adjustments",
				Map.of("amount", 0, "reason", "Nothing"), admin));
		refused.put("non-numeric amount", api.sendRaw("POST",
				"/api/v1/admin/members/" + fan.username() + "/points-adjustments",
				"{\"amount\":\"ten\",\"reason\":\"r\"}", "application/json", admin));
		refused.put("unknown member", api.post("/api/v1/admin/members/nobody-" + UUID.randomUUID().toString()
			.substring(0, 8) + "/points-adjustments", Map.of("amount", 10, "reason", "r"), admin));

		Map<String, Integer> expected = new LinkedHashMap<>();
		expected.put("unknown item", 404);
		expected.put("redeem unknown item", 404);
		expected.put("non-numeric item", 400);
		expected.put("non-numeric redemption", 400);
		expected.put("unknown redemption", 404);
		expected.put("insufficient points", 409);
		for (String key : List.of("negative price", "huge price", "price beyond int", "non-numeric price",
				"negative stock", "huge stock", "no Chinese title", "unknown kind", "no codes", "blank codes")) {
			expected.put(key, 400);
		}
		expected.put("codes for unknown item", 404);
		expected.put("unknown state", 400);
		expected.put("empty reason", 400);
		expected.put("zero amount", 400);
		expected.put("non-numeric amount", 400);
		expected.put("unknown member", 404);
		refused.forEach((what, response) -> {
			assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(expected.get(what));
			assertThat(response.isProblem()).as(what).isTrue();
			assertThat(response.json().get("detail").asString()).as(what).isNotBlank();
		});
		assertThat(refused.get("huge price").json().get("errors").get(0).get("field").asString()).isEqualTo("price");
		assertThat(refused.get("no Chinese title").json().get("errors").get(0).get("field").asString())
			.isEqualTo("titleZh");
		assertThat(refused.get("empty reason").json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(refused.get("zero amount").json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
		assertThat(shopState(fan)).as("nothing half-written").isEqualTo(before);
	}

	@Test
	void aSoldOutItemIsRefusedWithAConflict() {
		long item = item("Last one", "最后一件", "merchandise", 10, 1, null);
		Member first = api.newMember("first");
		Member second = api.newMember("second");
		grant(first, 10);
		grant(second, 10);
		assertThat(redeem(item, first).status()).isEqualTo(201);

		Response soldOut = redeem(item, second);

		assertThat(soldOut.status()).isEqualTo(409);
		assertThat(soldOut.json().get("type").asString()).isEqualTo("/problems/rules/shop-sold-out");
		assertThat(api.get("/api/v1/shop/items/" + item, null).json().get("soldOut").asBoolean()).isTrue();
		assertThat(available(second)).isEqualTo(10);
	}

	private Response redeem(long item, Member member) {
		return shop.redeem(item, member);
	}

	private long item(String titleEn, String titleZh, String kind, int price, int stock, Integer limit) {
		return shop.item(titleEn, titleZh, kind, price, stock, limit);
	}

	private void grant(Member member, int points) {
		shop.grant(member, points);
	}

	private long available(Member member) {
		return api.get("/api/v1/members/me/points", member.token()).json().get("available").asLong();
	}

	private int stock(long item) {
		return jdbc.queryForObject("select stock from shop_item where id = ?", Integer.class, item);
	}

	private String state(long redemption) {
		return jdbc.queryForObject("select state from shop_redemption where id = ?", String.class, redemption);
	}

	private long memberId(Member member) {
		return jdbc.queryForObject("select id from member where username = ?", Long.class, member.username());
	}

	private long unfinished(String event) {
		return jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and event_type like ?",
				Long.class, "%" + event);
	}

	/** The shop's rows and stock, and the member's holds and entries: a refusal leaves them as they were. */
	private String shopState(Member member) {
		return jdbc.queryForObject("""
				select concat_ws(' ', (select count(*) || '/' || sum(stock) || '/' || sum(price) from shop_item),
				  (select count(*) from shop_redemption), (select count(*) from shop_code),
				  (select count(*) from points_hold h join member m on m.id = h.member_id where m.username = ?),
				  (select count(*) from ledger_entry e join member m on m.id = e.member_id where m.username = ?))""",
				String.class, member.username(), member.username());
	}

	private static <T> List<T> parallel(int n, Callable<T> task) throws Exception {
		List<Callable<T>> tasks = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			tasks.add(task);
		}
		return parallel(n, tasks);
	}

	/** Runs the tasks on as many threads, released together so that they really meet. */
	private static <T> List<T> parallel(int n, List<Callable<T>> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}
}
