package com.forum.web.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.launch.Launches;
import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.Posting;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Response;
import com.forum.web.Reputations;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;

/** Launches through the API as an employee runs them and members use them, for the launch tests. */
public final class LaunchCalls {

	/** Reputation at the start of each level (community.yml's ladder). */
	private static final long[] LEVEL_STARTS = { 0, 0, 50, 150, 400, 1000, 2000, 4000, 8000, 15000, 30000 };

	final ApiClient api;

	final String employee;

	private final JdbcTemplate db;

	private final Ledger ledger;

	private final Launches launches;

	LaunchCalls(ApiClient api, JdbcTemplate db, Ledger ledger, Launches launches) {
		this.api = api;
		this.db = db;
		this.ledger = ledger;
		this.launches = launches;
		this.employee = api.token("employee", "employee-demo-2026");
	}

	public static Map<String, Object> body(String product, int slots, Instant opensAt, List<Map<String, Object>> windows,
			Integer price) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("product", product);
		body.put("slots", slots);
		body.put("opensAt", opensAt.toString());
		body.put("windows", windows);
		if (price != null) {
			body.put("pointsPrice", price);
		}
		return body;
	}

	public static Map<String, Object> window(int minLevel, String opensBefore) {
		return Map.of("minLevel", minLevel, "opensBefore", opensBefore);
	}

	/** A launch created through the API, opening in a day, with no windows. */
	long create(int slots, Integer price) {
		return create(body("Phone " + UUID.randomUUID().toString().substring(0, 6), slots,
				Instant.now().plus(Duration.ofDays(1)), List.of(), price));
	}

	long create(Map<String, Object> body) {
		Response created = api.post("/api/v1/launches", body, employee);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/**
	 * Moves the launch's general opening to {@code fromNow} (negative: it has opened), as time passing
	 * would, and writes its admission keys again from the database.
	 */
	void openingIn(long launch, Duration fromNow) {
		db.update("update launch set opens_at = ? where id = ?", java.sql.Timestamp.from(Instant.now().plus(fromNow)),
				launch);
		assertThat(launches.rebuild(launch)).isTrue();
	}

	/** A launch on sale now with the slots (and the price). */
	long onSale(int slots, Integer price) {
		long launch = create(slots, price);
		openingIn(launch, Duration.ofMinutes(-1));
		return launch;
	}

	SeededMember member(String prefix, int level) {
		SeededMember member = SeededMember.create(db, prefix, "MEMBER", "none");
		if (level > 1) {
			Reputations.set(ledger, new MemberId(member.id()), LEVEL_STARTS[level]);
		}
		return member;
	}

	void givePoints(SeededMember member, int points) {
		ledger.post(Posting.of(new MemberId(member.id()), Account.POINTS, points, "test",
				"test:launch-points:" + UUID.randomUUID()));
	}

	Response reserve(long launch, SeededMember member) {
		return api.post("/api/v1/launches/" + launch + "/reservations", Map.of(), member.token());
	}

	Response cancel(long launch, SeededMember member) {
		return api.delete("/api/v1/launches/" + launch + "/reservations/mine", member.token());
	}

	Response view(long launch, SeededMember member) {
		return api.get("/api/v1/launches/" + launch, member.token());
	}

	Response redeem(String code, String token) {
		return api.post("/api/v1/store/reservation-codes/" + code + "/redemption", Map.of(), token);
	}

	Response figures(long launch) {
		Response figures = api.get("/api/v1/launches/" + launch + "/figures", employee);
		assertThat(figures.status()).as(figures.body()).isEqualTo(200);
		return figures;
	}

	static String type(Response response) {
		return response.json().get("type").asString();
	}
}
