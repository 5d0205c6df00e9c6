package com.forum.web.points;

import java.util.LinkedHashMap;
import java.util.Map;

import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop through the API as an admin stocks it and members use it, for the shop's tests. */
final class ShopCalls {

	private final ApiClient api;

	private final String admin;

	ShopCalls(ApiClient api, String admin) {
		this.api = api;
		this.admin = admin;
	}

	/** A new item on offer; {@code limit} is its own per-member limit, or null for the shop's. */
	long item(String titleEn, String titleZh, String kind, int price, int stock, Integer limit) {
		Map<String, Object> body = newItem(titleEn, titleZh, kind, price, stock);
		if (limit != null) {
			body.put("perMemberLimit", limit);
		}
		Response created = api.post("/api/v1/admin/shop/items", body, admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	static Map<String, Object> newItem(String titleEn, String titleZh, String kind, int price, int stock) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("titleEn", titleEn);
		body.put("titleZh", titleZh);
		body.put("kind", kind);
		body.put("price", price);
		body.put("stock", stock);
		return body;
	}

	Response redeem(long item, Member member) {
		return api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), member.token());
	}

	/** Points the member can spend, given by the admin with a reason. */
	void grant(Member member, int points) {
		Response granted = api.post("/api/v1/admin/members/" + member.username() + "/points-adjustments",
				Map.of("amount", points, "reason", "Points for the test"), admin);
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
	}
}
