package com.forum.web.points;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.points.PointsHolds;
import com.forum.points.RedemptionSettled;
import com.forum.points.RedemptionState;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.Replays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members hear what happened to their points when someone else (or time) did it: a redemption
 * fulfilled, with its code to its owner alone, cancelled or expired with the points given back, and
 * an admin's adjustment with its reason and the new balance; each once, in the reader's language
 * (the item's title in the member's), linked to the points page. Real shop, ledger, holds and event registry.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsNotificationsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

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
	void aFulfilledRedemptionTellsItsOwnerTheCodeOnceInTheirLanguage() {
		String marker = marker();
		long item = item("Screen protector code " + marker, "屏幕保护膜兑换码 " + marker, 200);
		String code = "GLASS-" + marker;
		assertThat(api.post("/api/v1/admin/shop/items/" + item + "/codes", Map.of("codes", List.of(code)), admin)
			.status()).isEqualTo(200);
		Member owner = api.newMember("owner");
		Member bystander = api.newMember("bystander");
		grant(owner, 500);
		grant(bystander, 500);
		long redemption = redeem(item, owner);

		assertThat(api.post("/api/v1/admin/shop/redemptions/" + redemption + "/fulfilment", Map.of(), admin).status())
			.isEqualTo(200);

		JsonNode told = awaitOne(owner, "redemption-fulfilled", "en");
		assertThat(told.get("title").asString()).isEqualTo("“Screen protector code " + marker + "” is yours");
		assertThat(told.get("body").asString()).isEqualTo("Your code for “Screen protector code " + marker + "”: "
				+ code + " (200 points spent). Keep it to yourself.");
		assertThat(told.get("link").asString()).isEqualTo("/points");
		// the words in the reader's language; the item as the member, who chose no language, reads the forum
		JsonNode chinese = only(owner, "redemption-fulfilled", "zh-CN");
		assertThat(chinese.get("title").asString()).isEqualTo("“Screen protector code " + marker + "”已发放给你");
		assertThat(chinese.get("body").asString()).contains(code);

		// told once however often the event arrives, and the code reaches nobody else
		MemberId ownerId = new MemberId(memberId(owner));
		Replays.publish(tx, events, jdbc, 2, new RedemptionSettled(redemption, ownerId, RedemptionState.FULFILLED));
		Await.until(WAIT, () -> unfinished("RedemptionSettled") == 0);
		assertThat(of(owner, "redemption-fulfilled", "en")).hasSize(1);
		assertThat(jdbc.queryForObject("select count(*) from notification where (body like ? or ? = any(message_args))"
				+ " and recipient_id <> ?", Long.class, "%" + code + "%", code, memberId(owner))).isZero();
		assertThat(of(bystander, "redemption-fulfilled", "en")).isEmpty();
	}

	@Test
	void anItemWithoutCodesSaysItWasHandedOut() {
		String marker = marker();
		long item = item("Mi Band strap " + marker, "小米手环腕带 " + marker, 150);
		Member owner = api.newMember("strap");
		grant(owner, 150);
		long redemption = redeem(item, owner);

		api.post("/api/v1/admin/shop/redemptions/" + redemption + "/fulfilment", Map.of(), admin);

		assertThat(awaitOne(owner, "redemption-fulfilled", "en").get("body").asString())
			.isEqualTo("Your redemption of “Mi Band strap " + marker + "” was handed out; its 150 points are spent.");
	}

	@Test
	void aCancelledAndAnExpiredRedemptionSayThePointsAreBack() {
		String marker = marker();
		long item = item("Sticker pack " + marker, "贴纸包 " + marker, 40);
		Member owner = api.newMember("changed-mind");
		jdbc.update("update member set language = 'zh-CN' where username = ?", owner.username());
		grant(owner, 100);
		long cancelled = redeem(item, owner);
		long expiring = redeem(item, owner);

		assertThat(api.post("/api/v1/members/me/redemptions/" + cancelled + "/cancellation", Map.of(), owner.token())
			.status()).isEqualTo(200);
		long hold = jdbc.queryForObject("select hold_id from shop_redemption where id = ?", Long.class, expiring);
		jdbc.update("update points_hold set expires_at = now() - interval '1 minute' where id = ?", hold);
		holds.releaseExpired();

		// the language the member chose wins over the one the request asks for, the item's title with it
		JsonNode cancel = awaitOne(owner, "redemption-cancelled", "en");
		assertThat(cancel.get("title").asString()).isEqualTo("你取消了“贴纸包 " + marker + "”的兑换");
		assertThat(cancel.get("body").asString()).isEqualTo("为它冻结的 40 积分已退回，可以再次使用。");
		JsonNode expired = awaitOne(owner, "redemption-expired", "zh-CN");
		assertThat(expired.get("title").asString()).isEqualTo("“贴纸包 " + marker + "”的兑换已过期");
		assertThat(expired.get("body").asString()).isEqualTo("兑换未能及时发放，为它冻结的 40 积分已退回，可以再次使用。");
		assertThat(expired.get("link").asString()).isEqualTo("/points");
	}

	@Test
	void anAdminsAdjustmentTellsTheAmountTheReasonAndTheBalance() {
		Member member = api.newMember("adjusted");
		grant(member, 300);
		Response taken = api.post("/api/v1/admin/members/" + member.username() + "/points-adjustments",
				Map.of("amount", -120, "reason", "Duplicate check-in bonus"), admin);
		assertThat(taken.status()).as(taken.body()).isEqualTo(201);

		Await.until(WAIT, () -> of(member, "points-adjusted", "en").size() == 2);
		// the two deliveries may come in either order: each is read by its own words
		assertThat(of(member, "points-adjusted", "en")).extracting(n -> n.get("title").asString() + " / "
				+ n.get("body").asString())
			.containsExactlyInAnyOrder(
					"An admin took 120 points from you / Reason: Duplicate check-in bonus. Your balance is now 180 points.",
					"An admin gave you 300 points / Reason: Points for the test. Your balance is now 300 points.");
		assertThat(of(member, "points-adjusted", "zh-CN")).extracting(n -> n.get("title").asString() + " / "
				+ n.get("body").asString())
			.contains("管理员扣除了你 120 积分 / 理由：Duplicate check-in bonus。你现在有 180 积分。");
	}

	private JsonNode awaitOne(Member member, String kind, String language) {
		Await.until(WAIT, () -> !of(member, kind, language).isEmpty());
		return only(member, kind, language);
	}

	private JsonNode only(Member member, String kind, String language) {
		List<JsonNode> found = of(member, kind, language);
		assertThat(found).hasSize(1);
		return found.getFirst();
	}

	/** The member's notifications of this kind, newest first, read in the language. */
	private List<JsonNode> of(Member member, String kind, String language) {
		return api.get("/api/v1/notifications?size=100", member.token(), language)
			.json()
			.get("items")
			.valueStream()
			.filter(n -> n.get("kind").asString().equals(kind))
			.toList();
	}

	private long item(String titleEn, String titleZh, int price) {
		return shop.item(titleEn, titleZh, "merchandise", price, 5, null);
	}

	private long redeem(long item, Member member) {
		Response redeemed = shop.redeem(item, member);
		assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(201);
		return redeemed.json().get("id").asLong();
	}

	private void grant(Member member, int points) {
		shop.grant(member, points);
	}

	private long memberId(Member member) {
		return jdbc.queryForObject("select id from member where username = ?", Long.class, member.username());
	}

	private long unfinished(String event) {
		return jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null and event_type like ?",
				Long.class, "%" + event);
	}

	private static String marker() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
