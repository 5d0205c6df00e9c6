package com.forum.web.browser;

import java.util.List;
import java.util.Map;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import com.forum.web.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.forum.web.browser.Journey.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Points in a real browser: a member checks in and sees the calendar, redeems one item and cancels
 * another; an admin fulfils a redemption and adjusts a member's points, and the member finds the code and
 * is told of both.
 */
@IntegrationTest
class PointsJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aMemberChecksInRedeemsAnItemAndCancelsAnother(String language) {
		Member admin = staff("shopkeeper", "ADMIN");
		Member fan = member("mifan");
		grant(admin, fan, 1000, "Journey points");
		String marker = marker();
		long coupon = item(admin, "5% off coupon " + marker, "95折优惠券 " + marker, "coupon", 300);
		long strap = item(admin, "Watch strap " + marker, "表带 " + marker, "merchandise", 200);

		Journey j = journey("points", language).signIn(fan.username(), fan.password());
		j.click(".account-nav a.points-link");
		assertThat(j.path()).isEqualTo("/points");
		assertThat(j.text("#points-available")).isEqualTo("1,000");
		j.axe("points");
		j.submit(form("/points/check-in"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("points.notice.checked-in", 10, 1));
		assertThat(j.all("#calendar td.is-checked")).hasSize(1);
		assertThat(j.has("#calendar td.is-checked[aria-current='date']")).as("today is marked checked in").isTrue();
		assertThat(j.has(form("/points/check-in"))).as("one check-in a day").isFalse();
		assertThat(j.text("#points-available")).isEqualTo("1,010");
		j.screenshot("checked-in");

		j.click(".page-actions a[href='/shop']");
		j.axe("shop");
		j.click(".shop-grid a[href='/shop/" + coupon + "']");
		assertThat(j.text("h1")).isEqualTo(j.say("5% off coupon ", "95折优惠券 ") + marker);
		j.axe("shop item").screenshot("item");
		j.submit(form("/shop/" + coupon + "/redeem"));
		assertThat(j.path()).isEqualTo("/points/redemptions");
		assertThat(j.text(".alert-success"))
			.isEqualTo(j.message("shop.notice.redeemed", j.say("5% off coupon ", "95折优惠券 ") + marker, 300));

		j.open("/shop/" + strap).submit(form("/shop/" + strap + "/redeem"));
		long strapRedemption = redemptionOf(fan, strap);
		j.submit(form("/points/redemptions/" + strapRedemption + "/cancel"));
		assertThat(j.has("#redemption-" + strapRedemption + " .state-cancelled")).isTrue();
		assertThat(j.has("#redemption-" + redemptionOf(fan, coupon) + " .state-pending")).isTrue();
		j.axe("redemptions").screenshot("redemptions");

		j.click(".breadcrumbs a[href='/points']");
		assertThat(j.text("#points-held")).isEqualTo("300");
		assertThat(j.text("#points-available")).isEqualTo("710");
		assertThat(j.all("#pending .redemption")).hasSize(1);
		j.screenshot("points");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void anAdminFulfilsARedemptionAndAdjustsPointsAndTheMemberSeesTheCode(String language) {
		Member admin = staff("shopkeeper", "ADMIN");
		// the fan chose the journey's language: their news names the item in it
		Member fan = speaking(member("mifan"), language);
		grant(admin, fan, 500, "Journey points");
		String marker = marker();
		long strap = item(admin, "Mi Band strap code " + marker, "小米手环腕带兑换码 " + marker, "merchandise", 400);
		String code = "BAND-" + marker.toUpperCase();
		assertThat(api.post("/api/v1/admin/shop/items/" + strap + "/codes", Map.of("codes", List.of(code)),
				admin.token()).status()).isEqualTo(200);
		long redemption = api.post("/api/v1/shop/items/" + strap + "/redemptions", Map.of(), fan.token()).json()
			.get("id").asLong();

		Journey j = journey("shop-admin", language).signIn(admin.username(), admin.password());
		j.click(".main-nav a[href='/admin/shop']");
		assertThat(j.has("#redemption-" + redemption)).isTrue();
		j.axe("admin shop").screenshot("admin-shop");
		j.submit(form("/admin/shop/redemptions/" + redemption + "/fulfil"));
		assertThat(j.has("#redemption-" + redemption)).as("no longer waiting").isFalse();
		assertThat(j.has(".alert-success")).isTrue();

		j.click(".tabs a[href='/admin/points']");
		j.axe("points adjustments");
		j.type("#member", fan.username()).submit(form("/admin/points"));
		assertThat(j.path()).isEqualTo("/admin/members/" + fan.username() + "/points");
		String reason = j.say("Thanks for helping at the meetup ", "感谢在米粉见面会上帮忙 ") + marker;
		j.type("#amount", "150").type("#reason", reason);
		j.submit(form("/admin/members/" + fan.username() + "/points"));
		assertThat(j.text(".alert-success")).isEqualTo(j.message("points.admin.notice.adjusted", 150, fan.username()));
		assertThat(texts(j.all("table.adjustments td"))).contains(reason, "+150", admin.username());
		assertThat(j.text("#points-balance")).isEqualTo("250");
		j.axe("member points").screenshot("adjusted");

		j.as(fan.username(), fan.password());
		j.click(".account-nav a.points-link").click(".page-actions a[href='/points/redemptions']");
		assertThat(j.text("#redemption-" + redemption + " .code")).isEqualTo(code);
		assertThat(j.has("#redemption-" + redemption + " .state-fulfilled")).isTrue();
		j.screenshot("code");

		// the member was told of both, in their language, with the code and the admin's reason
		String item = j.say("Mi Band strap code ", "小米手环腕带兑换码 ") + marker;
		List<String> titles = List.of(j.message("notification.redemption-fulfilled", item, "400", code),
				j.message("notification.points-added", "150", reason, "250"));
		j.click(".account-nav a.notif-link")
			.reloadUntil("the points notifications", page -> texts(page.all(".notification-title > span:last-child"))
				.containsAll(titles));
		assertThat(texts(j.all(".notification-body"))).contains(
				j.message("notification.redemption-fulfilled.body-code", item, "400", code),
				j.message("notification.points-added.body", "150", reason, "250"));
		j.axe("points notifications").screenshot("points-news");
		j.submit(".notification.is-unread form.notification-open");
		assertThat(j.path()).isEqualTo("/points");
	}

	private void grant(Member admin, Member member, int points, String reason) {
		Response granted = api.post("/api/v1/admin/members/" + member.username() + "/points-adjustments",
				Map.of("amount", points, "reason", reason), admin.token());
		assertThat(granted.status()).as("grant: %s", granted).isEqualTo(201);
	}

	private long item(Member admin, String titleEn, String titleZh, String kind, int price) {
		Response created = api.post("/api/v1/admin/shop/items",
				Map.of("titleEn", titleEn, "titleZh", titleZh, "kind", kind, "price", price, "stock", 10), admin.token());
		assertThat(created.status()).as("item: %s", created).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long redemptionOf(Member member, long item) {
		for (var redemption : api.get("/api/v1/members/me/redemptions", member.token()).json().get("items")) {
			if (redemption.get("itemId").asLong() == item) {
				return redemption.get("id").asLong();
			}
		}
		throw new AssertionError("no redemption of item " + item);
	}
}
