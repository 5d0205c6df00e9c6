package com.forum.web.points;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points pages, the shop and its admin pages in both languages, as a browser without JavaScript
 * uses them: forms that redirect with a notice, refusals said in the reader's words, a form sent
 * twice that counts once, and the admin pages closed to members.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsPagesIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	String admin;

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		admin = api.token("admin", "admin-demo-2026");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"en | My points | Daily check-in | Checked in: +10 points, the first day in a row. | You have already checked in today | Adjustment by an admin | 6 more check-ins to the +100 streak bonus",
			"zh-CN,zh;q=0.9 | 我的积分 | 每日签到 | 签到成功：+10 积分，今天是连续签到第 1 天。 | 今天已经签到过了 | 管理员调整 | 再签到 6 天可获得 +100 连签奖励" })
	void aMemberChecksInAndSeesTheBalanceCalendarAndHistory(String language, String title, String checkIn,
			String checkedIn, String already, String adjustment, String toBonus) {
		Member fan = api.newMember("pages");
		grant(fan, 100, "Welcome gift");
		assertThat(new Browser(port).get("/points").statusCode()).as("anonymous").isEqualTo(302);
		Browser browser = new Browser(port).speaking(language).signIn(fan);

		String before = browser.get("/points").body();
		assertThat(before).contains(title, checkIn, "action=\"/points/check-in\"", "id=\"calendar\"", adjustment,
				"Welcome gift", "id=\"points-available\">100<");
		HttpResponse<String> posted = browser.post("/points/check-in", "_csrf=" + enc(browser.csrf()));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/points");

		String after = browser.get("/points").body();
		assertThat(after).contains(checkedIn, toBonus, "id=\"points-available\">110<")
			.doesNotContain("action=\"/points/check-in\"");
		assertThat(count(after, "class=\"is-checked\"")).isEqualTo(1);
		assertThat(after).contains("aria-current=\"date\"");
		browser.post("/points/check-in", "_csrf=" + enc(browser.csrf()));
		assertThat(browser.get("/points").body()).contains(already).contains("id=\"points-available\">110<");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"en | Wrist strap | Sign in to redeem | Redeemed: Wrist strap | Pending | Cancelled: Wrist strap | Not enough points",
			"zh-CN,zh;q=0.9 | 手环腕带 | 登录后兑换 | 兑换成功：手环腕带 | 待发放 | 已取消：手环腕带 | 积分不足" })
	void aMemberRedeemsFromTheShopOnceHoweverOftenTheFormIsSentAndCancels(String language, String title,
			String signIn, String redeemed, String pending, String cancelled, String insufficient) {
		String marker = UUID.randomUUID().toString().substring(0, 6);
		long item = item("Wrist strap " + marker, "手环腕带 " + marker, 30, 5);
		long dear = item("Golden phone " + marker, "黄金手机 " + marker, 100_000, 1);
		Browser visitor = new Browser(port).speaking(language);
		assertThat(visitor.get("/shop").body()).contains(title + " " + marker, signIn);
		assertThat(visitor.get("/shop/" + item).statusCode()).isEqualTo(200);
		assertThat(visitor.get("/shop/999999999").statusCode()).isEqualTo(404);
		assertThat(visitor.get("/shop/abc").statusCode()).isEqualTo(400);

		Member fan = api.newMember("shopper");
		grant(fan, 100, "Points to spend");
		Browser browser = new Browser(port).speaking(language).signIn(fan);
		HttpResponse<String> list = browser.get("/shop");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("action=\"/shop/" + item + "/redeem\"", "id=\"shop-available\">100<");
		String page = browser.get("/shop/" + item).body();
		String form = "token=" + enc(token(page)) + "&_csrf=" + enc(browser.csrf());
		HttpResponse<String> first = browser.post("/shop/" + item + "/redeem", form);
		HttpResponse<String> second = browser.post("/shop/" + item + "/redeem", form);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/points/redemptions");
		assertThat(jdbc.queryForObject("""
				select count(*) from shop_redemption r join member m on m.id = r.member_id where m.username = ?""",
				Long.class, fan.username())).as("the form sent twice redeems once").isEqualTo(1);
		String mine = browser.get("/points/redemptions").body();
		assertThat(mine).contains(redeemed + " " + marker, pending);
		assertThat(browser.get("/points").body()).contains("id=\"points-held\">30<", "id=\"points-available\">70<");

		long redemption = jdbc.queryForObject("select id from shop_redemption where item_id = ?", Long.class, item);
		Member other = api.newMember("stranger");
		Browser stranger = new Browser(port).signIn(other);
		assertThat(stranger.post("/points/redemptions/" + redemption + "/cancel", "_csrf=" + enc(stranger.csrf()))
			.statusCode()).isEqualTo(404);
		HttpResponse<String> cancel = browser.post("/points/redemptions/" + redemption + "/cancel",
				"_csrf=" + enc(browser.csrf()));
		assertThat(cancel.statusCode()).isEqualTo(302);
		assertThat(browser.get("/points/redemptions").body()).contains(cancelled + " " + marker);

		String tooDear = "token=" + enc(token(browser.get("/shop/" + dear).body())) + "&_csrf=" + enc(browser.csrf());
		HttpResponse<String> refused = browser.post("/shop/" + dear + "/redeem", tooDear);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains(insufficient, "role=\"alert\"");
	}

	@Test
	void adminsRunTheShopAndAdjustPointsFromThePages() {
		Member fan = api.newMember("customer");
		Browser member = new Browser(port).signIn(fan);
		assertThat(member.get("/admin/shop").statusCode()).isEqualTo(403);
		assertThat(member.get("/admin/points").statusCode()).isEqualTo(403);
		assertThat(member.get("/admin/members/" + fan.username() + "/points").statusCode()).isEqualTo(403);
		assertThat(member.post("/admin/shop/items", "titleEn=Free&titleZh=免费&price=1&stock=1&_csrf="
				+ enc(member.csrf())).statusCode()).isEqualTo(403);
		assertThat(member.post("/admin/members/" + fan.username() + "/points", "amount=1000&reason=me&_csrf="
				+ enc(member.csrf())).statusCode()).isEqualTo(403);
		assertThat(new Browser(port).get("/admin/shop").statusCode()).as("anonymous").isEqualTo(302);

		Browser browser = new Browser(port).signIn("admin", "admin-demo-2026");
		String marker = UUID.randomUUID().toString().substring(0, 6);
		long itemsBefore = jdbc.queryForObject("select count(*) from shop_item", Long.class);
		HttpResponse<String> missing = browser.post("/admin/shop/items", form(Map.of("titleEn", "Case " + marker,
				"titleZh", "", "kind", "MERCHANDISE", "price", "abc", "stock", "3")) + "&_csrf=" + enc(browser.csrf()));
		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(missing.body()).contains("Please give the Chinese title.", "Please enter a whole number.",
				"id=\"errors\"");
		assertThat(jdbc.queryForObject("select count(*) from shop_item", Long.class)).isEqualTo(itemsBefore);

		HttpResponse<String> created = browser.post("/admin/shop/items", form(Map.of("titleEn", "Case " + marker,
				"titleZh", "手机壳 " + marker, "kind", "MERCHANDISE", "price", "20", "stock", "0", "active", "true",
				"_active", "on")) + "&_csrf=" + enc(browser.csrf()));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(browser.get("/admin/shop").body()).contains("Added: Case " + marker);
		long item = jdbc.queryForObject("select id from shop_item where title_en = ?", Long.class, "Case " + marker);
		HttpResponse<String> codes = browser.post("/admin/shop/items/" + item + "/codes",
				"codes=" + enc("CASE-" + marker + "-1\nCASE-" + marker + "-2\n") + "&_csrf=" + enc(browser.csrf()));
		assertThat(codes.statusCode()).isEqualTo(302);
		assertThat(browser.get("/admin/shop").body()).contains("2 new codes loaded.", "Case " + marker);
		HttpResponse<String> tooMuch = browser.post("/admin/shop/items/" + item,
				"price=20&stock=9999999&active=true&_active=on&_csrf=" + enc(browser.csrf()));
		assertThat(tooMuch.statusCode()).isEqualTo(200);
		assertThat(tooMuch.body()).contains("The stock must be 0 to 100,000.");
		assertThat(browser.post("/admin/shop/items/" + item, "price=25&stock=2&active=true&_active=on&_csrf="
				+ enc(browser.csrf())).statusCode()).isEqualTo(302);

		HttpResponse<String> reasonless = browser.post("/admin/members/" + fan.username() + "/points",
				"amount=50&reason=&token=" + UUID.randomUUID() + "&_csrf=" + enc(browser.csrf()));
		assertThat(reasonless.statusCode()).isEqualTo(200);
		assertThat(reasonless.body()).contains("Please give a reason: it stays on the record.");
		HttpResponse<String> overdrawn = browser.post("/admin/members/" + fan.username() + "/points",
				"amount=-50&reason=Spam&token=" + UUID.randomUUID() + "&_csrf=" + enc(browser.csrf()));
		assertThat(overdrawn.body()).contains("Not enough points: this needs 50 and you have 0 available.");
		String token = UUID.randomUUID().toString();
		for (int click = 0; click < 2; click++) {
			assertThat(browser.post("/admin/members/" + fan.username() + "/points",
					"amount=50&reason=" + enc("Helping at the meetup " + marker) + "&token=" + token + "&_csrf="
							+ enc(browser.csrf())).statusCode()).isEqualTo(302);
		}
		assertThat(api.get("/api/v1/members/me/points", fan.token()).json().get("balance").asLong())
			.as("the adjustment form sent twice posts once").isEqualTo(50);
		assertThat(browser.get("/admin/members/" + fan.username() + "/points").body())
			.contains("Helping at the meetup " + marker, "+50");
		assertThat(browser.get("/admin/points").body()).contains("Helping at the meetup " + marker, fan.username());
		assertThat(browser.get("/admin/points?member=" + fan.username()).headers().firstValue("Location")
			.orElseThrow()).endsWith("/admin/members/" + fan.username() + "/points");

		Response redeemed = api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), fan.token());
		long redemption = redeemed.json().get("id").asLong();
		assertThat(browser.get("/admin/shop").body()).contains("/admin/shop/redemptions/" + redemption + "/fulfil");
		assertThat(browser.post("/admin/shop/redemptions/" + redemption + "/fulfil", "_csrf=" + enc(browser.csrf()))
			.statusCode()).isEqualTo(302);
		assertThat(member.get("/points/redemptions").body()).contains("CASE-" + marker + "-1", "Fulfilled");

		Browser chinese = new Browser(port).speaking("zh-CN,zh;q=0.9").signIn("admin", "admin-demo-2026");
		assertThat(chinese.get("/admin/shop").body()).contains("积分商城", "待发放", "新商品", "导入兑换码")
			.doesNotContain("New item");
		assertThat(chinese.get("/admin/members/" + fan.username() + "/points").body()).contains("调整积分", "积分明细");
	}

	private long item(String titleEn, String titleZh, int price, int stock) {
		Response created = api.post("/api/v1/admin/shop/items", Map.of("titleEn", titleEn, "titleZh", titleZh, "kind",
				"merchandise", "price", price, "stock", stock), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private void grant(Member member, int points, String reason) {
		assertThat(api.post("/api/v1/admin/members/" + member.username() + "/points-adjustments",
				Map.of("amount", points, "reason", reason), admin).status()).isEqualTo(201);
	}

	private static String token(String page) {
		Matcher token = TOKEN.matcher(page);
		assertThat(token.find()).as("a redeem form with its token").isTrue();
		return token.group(1);
	}

	private static String form(Map<String, String> fields) {
		Map<String, String> ordered = new LinkedHashMap<>(fields);
		StringBuilder form = new StringBuilder();
		ordered.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(name).append('=').append(enc(value)));
		return form.toString();
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}
}
