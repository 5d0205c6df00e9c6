package com.forum.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Response;
import com.forum.web.SeededMember;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The resources the matrix's addresses point at, all owned by the owner: a thread with a reply, a
 * petition, a notification, a token, a redemption..., each made on first use through the API as
 * members and staff make them (a few rows that only a background job or another member would make
 * are written directly). A write is checked on a world of its own, so what one call changed never
 * decides how the next is answered.
 */
final class MatrixSeeds {

	private final ApiClient api;

	private final JdbcTemplate db;

	private final StringRedisTemplate redis;

	private final SeededMember owner;

	private final String admin;

	private final long board;

	/** The callers, whose own rows (password, preferences, tokens) a refused call must leave alone. */
	private final List<Long> callers;

	/**
	 * One launch taking reservations, for the routes that reserve: a launch not yet open refuses them
	 * with a 403 naming the member's window, which would hide the authorization this matrix looks for.
	 */
	private final long sellingLaunch;

	private final Instant sellingFrom;

	private long seedNanos;

	MatrixSeeds(ApiClient api, JdbcTemplate db, StringRedisTemplate redis, SeededMember owner, String admin,
			List<Long> callers) {
		this.api = api;
		this.db = db;
		this.redis = redis;
		this.owner = owner;
		this.admin = admin;
		this.callers = callers;
		this.board = ok(api.get("/api/v1/boards/support", null), 200).json().get("id").asLong();
		this.sellingFrom = Instant.now().plusSeconds(2);
		this.sellingLaunch = id(api.post("/api/v1/launches", Map.of("product", "Matrix phone on sale", "slots", 100,
				"opensAt", sellingFrom.toString()), admin));
	}

	/** Waits for the launch on sale to open. */
	void awaitSale() throws InterruptedException {
		Duration left = Duration.between(Instant.now(), sellingFrom);
		if (!left.isNegative()) {
			Thread.sleep(left.toMillis() + 200);
		}
	}

	/** Time spent making resources, in seconds. */
	double seedSeconds() {
		return seedNanos / 1e9;
	}

	/** Fresh resources; {@code state} is what the one the route acts on is like ("solved", "draft"...). */
	World world(String state) {
		return new World(state);
	}

	final class World {

		private static final Set<String> STATES = Set.of("solved", "declined", "published", "draft", "selling");

		private final String state;

		private final Map<String, Object> made = new HashMap<>();

		private World(String state) {
			if (state != null && !STATES.contains(state)) {
				throw new IllegalStateException("Unknown state '" + state + "' (known: " + STATES + ")");
			}
			this.state = state;
		}

		/** The value standing for a kind of resource: its id, or the name or code an address uses. */
		Object value(String kind) {
			Object value = made.get(kind);
			if (value == null) {
				long start = System.nanoTime();
				value = make(kind);
				made.put(kind, value);
				seedNanos += System.nanoTime() - start;
			}
			return value;
		}

		/**
		 * What a call could change, read cheaply: the rows of this world's resources and what hangs on
		 * them, the callers' own rows, and the newest id of every table a write adds to. Rows that
		 * listeners write on their own time (ledger, notifications, mail, badges) are left out.
		 */
		String fingerprint() {
			List<String> parts = new ArrayList<>(List.of(
					"select string_agg(concat_ws(',', version, password_hash, language, time_zone), ';' order by id) from member "
							+ "where id = any(:callers)",
					"select count(*) from access_token where member_id = any(:callers) and revoked_at is not null",
					"select max(id) from topic", "select max(id) from reply", "select max(id) from post_revision",
					"select max(id) from post_flag", "select max(id) from petition", "select max(id) from petition_history",
					"select max(id) from petition_note", "select max(id) from release", "select max(id) from launch",
					"select max(id) from launch_reservation", "select max(id) from launch_audit",
					"select max(id) from shop_item", "select max(id) from shop_code", "select max(id) from shop_redemption",
					"select max(id) from points_hold", "select max(id) from access_token",
					"select max(id) from satisfaction_rating", "select max(id) from conversation",
					"select max(id) from conversation_message", "select max(id) from conversation_report"));
			made.forEach((kind, id) -> parts.addAll(switch (kind) {
				case "thread" -> List.of(
						"select concat_ws(',', version, deleted_at, pinned, locked, accepted_reply_id, hidden_at) from topic where id = :thread",
						"select count(*) from post_like where post_kind = 'TOPIC' and post_id = :thread",
						"select count(*) from post_flag where post_kind = 'TOPIC' and post_id = :thread",
						"select count(*) || '/' || coalesce(sum(version), 0) from satisfaction_rating where subject_id = :thread");
				case "reply" -> List.of("select concat_ws(',', version, deleted_at, hidden_at) from reply where id = :reply",
						"select count(*) from post_like where post_kind = 'REPLY' and post_id = :reply",
						"select count(*) from post_flag where post_kind = 'REPLY' and post_id = :reply");
				case "revision" -> List.of("select count(*) from post_revision_hidden where revision_id = :revision");
				case "petition" -> List.of("select concat_ws(',', version, status, release_id) from petition where id = :petition",
						"select count(*) from petition_vote where petition_id = :petition",
						"select string_agg(member_id || mode, ',' order by member_id) from petition_subscription where petition_id = :petition",
						"select count(*) || '/' || coalesce(sum(version), 0) from satisfaction_rating where subject_id = :petition");
				case "release" -> List.of("select concat_ws(',', version_lock, published_at) from release where id = :release");
				case "launch" -> List.of("select concat_ws(',', state, slots, taken, opens_at) from launch where id = :launch",
						"select count(*) from launch_waitlist where launch_id = :launch",
						"select count(*) from launch_watch where launch_id = :launch",
						"select string_agg(id || state, ',' order by id) from launch_reservation where launch_id = :launch");
				case "item" -> List.of("select concat_ws(',', price, stock, active) from shop_item where id = :item",
						"select count(*) from shop_code where item_id = :item");
				case "redemption" -> List.of("select state from shop_redemption where id = :redemption");
				case "token" -> List.of("select revoked_at from access_token where id = :token");
				case "notification" -> List.of("select read_at from notification where id = :notification");
				case "conversation" -> List.of("select reported_at from conversation where id = :conversation",
						"select string_agg(concat_ws(':', member_id, left_at, unread_count, last_read_message_id), ',' "
								+ "order by member_id) from conversation_participant where conversation_id = :conversation");
				default -> List.of();
			}));
			String sql = "select concat_ws(' | ', " + String.join(", ", parts.stream().map(q -> "(" + q + ")").toList())
					+ ")";
			MapSqlParameterSource params = new MapSqlParameterSource("callers", callers.toArray(Long[]::new));
			made.forEach((kind, id) -> params.addValue(kind, id));
			return new NamedParameterJdbcTemplate(db).queryForObject(sql, params, String.class);
		}

		private Object make(String kind) {
			return switch (kind) {
				case "board" -> board;
				case "slug" -> "support";
				case "username" -> owner.username();
				// no such event publication or code: staff are answered 404, everyone else refused first
				case "event" -> UUID.randomUUID().toString();
				case "code" -> "AAAA-BBBB-CCCC-DDDD";
				// a new word each time, for what must be unique (a release's version)
				case "tag" -> tag();
				case "thread" -> thread();
				case "reply" -> reply();
				case "revision" -> revision();
				case "petition" -> petition();
				case "release" -> release();
				case "launch" -> "selling".equals(state) ? sellingLaunch : launch();
				case "item" -> item();
				case "redemption" -> redemption();
				case "token" -> token();
				case "notification" -> notification();
				case "conversation" -> conversation();
				default -> throw new IllegalStateException("No seed for '" + kind + "'");
			};
		}

		private long thread() {
			// with a poll, so that the poll's routes have one to act on
			long thread = id(api.post("/api/v1/threads", Map.of("boardId", board, "title", "Matrix thread " + tag(),
					"body", "Opening post " + tag(), "poll", Map.of("question", "Matrix poll?", "options",
							List.of("Yes", "No"))), owner.token()));
			made.put("thread", thread);
			if ("solved".equals(state)) {
				ok(api.post("/api/v1/threads/" + thread + "/accepted-answer", Map.of("replyId", value("reply")),
						owner.token()), 200);
			}
			return thread;
		}

		private long reply() {
			Object thread = value("thread");
			// a solved thread made its accepted reply on the way
			Object accepted = made.get("reply");
			if (accepted != null) {
				return (long) accepted;
			}
			return id(api.post("/api/v1/threads/" + thread + "/replies", Map.of("body", "A reply " + tag()),
					owner.token()));
		}

		private long revision() {
			long thread = (long) value("thread");
			ok(api.put("/api/v1/threads/" + thread, Map.of("title", "Matrix thread edited", "body", "Edited " + tag()),
					owner.token()), 200);
			return db.queryForObject("select max(id) from post_revision where post_kind = 'TOPIC' and post_id = ?",
					Long.class, thread);
		}

		private long petition() {
			long petition = id(api.post("/api/v1/petitions", Map.of("boardId", board, "title", "Matrix petition " + tag(),
					"description", "Please " + tag()), owner.token()));
			if ("declined".equals(state)) {
				ok(api.post("/api/v1/petitions/" + petition + "/status",
						Map.of("status", "DECLINED", "response", "Not planned"), admin), 200);
			}
			return petition;
		}

		private long release() {
			long release = id(api.post("/api/v1/releases", Map.of("version", "m-" + tag()), admin));
			if ("published".equals(state)) {
				ok(api.post("/api/v1/releases/" + release + "/publish", Map.of(), admin), 200);
			}
			return release;
		}

		private long launch() {
			return id(api.post("/api/v1/launches", Map.of("product", "Matrix phone " + tag(), "slots", 5, "opensAt",
					Instant.now().plus(Duration.ofDays(1)).toString(), "draft", "draft".equals(state)), admin));
		}

		private long item() {
			return id(api.post("/api/v1/admin/shop/items", Map.of("titleEn", "Matrix coupon", "titleZh", "矩阵优惠券",
					"kind", "coupon", "price", 1, "stock", 5), admin));
		}

		private long redemption() {
			long item = (long) value("item");
			ok(api.post("/api/v1/admin/members/" + owner.username() + "/points-adjustments",
					Map.of("amount", 1, "reason", "To redeem in the access matrix"), admin), 201);
			return id(api.post("/api/v1/shop/items/" + item + "/redemptions", Map.of(), owner.token()));
		}

		/** Another token of the owner's, so revoking it leaves the owner signed in for the next checks. */
		private long token() {
			return db.queryForObject("""
					insert into access_token (token_hash, member_id, created_at, expires_at)
					values (?, ?, now(), now() + interval '1 day') returning id""", Long.class,
					UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
					owner.id());
		}

		/**
		 * The owner's conversation with a member who is none of the callers, reported by the owner so
		 * that moderators may read it.
		 */
		private long conversation() {
			String partner = "partner-" + tag();
			db.update("""
					insert into member (username, email, password_hash, role, created_at, email_confirmed_at)
					values (?, ?, 'not-a-login', 'MEMBER', now(), now())""", partner, partner + "@matrix.example");
			long conversation = id(api.post("/api/v1/conversations", Map.of("recipients", List.of(partner), "subject",
					"Matrix conversation " + tag(), "body", "A private message " + tag()), owner.token()));
			ok(api.post("/api/v1/conversations/" + conversation + "/reports", Map.of("reason", "spam"), owner.token()),
					204);
			return conversation;
		}

		/** As a listener would write it for the owner. */
		private long notification() {
			return db.queryForObject("""
					insert into notification (recipient_id, kind, title, body, link, dedupe_key, created_at)
					values (?, 'matrix', 'A notification', 'For the owner', '/notifications', ?, now()) returning id""",
					Long.class, owner.id(), "matrix:" + tag());
		}
	}

	/**
	 * The owner starts more threads and replies in a minute than any level's daily quota allows; the
	 * quotas are DailyQuotaIntegrationTest's to prove, not the matrix's.
	 */
	private void forgetQuotas() {
		Set<String> keys = redis.keys("quota:" + owner.id() + ":*");
		if (!keys.isEmpty()) {
			redis.delete(keys);
		}
	}

	private long id(Response created) {
		forgetQuotas();
		return ok(created, 201).json().get("id").asLong();
	}

	private static Response ok(Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("Seeding answered " + response.status() + ": " + response.body());
		}
		return response;
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
