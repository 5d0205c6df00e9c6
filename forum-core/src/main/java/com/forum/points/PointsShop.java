package com.forum.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;

/**
 * The points shop. A redemption holds the item's price (a points hold) and takes a unit of stock in
 * one transaction; it stays pending until staff fulfil it (the hold is captured, the next code is
 * handed out), the member cancels it or its hold expires (the points and the unit go back).
 * <p>
 * Locks are always taken in one order, so no two paths wait on each other: the redemption row, the
 * hold, the member's balance row, then the item. A member's redemptions are serialised on their
 * balance row, which makes the per-member limit and an idempotency key hold under any concurrency;
 * the stock is taken by a conditional update, which never takes it below zero.
 */
@Service
public class PointsShop {

	/** The purpose of the points holds the shop places. */
	public static final String PURPOSE = "shop";

	/** The longest idempotency key or form token a redemption is known by. */
	public static final int MAX_REQUEST_KEY = 100;

	static final int MAX_TITLE = 120;

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_CODE = 100;

	static final int MAX_CODES_PER_LOAD = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final Ledger ledger;

	private final PointsHolds holds;

	private final Clock clock;

	private final ShopProperties properties;

	private final ApplicationEventPublisher events;

	PointsShop(NamedParameterJdbcTemplate jdbc, Ledger ledger, PointsHolds holds, Clock clock,
			ShopProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.holds = holds;
		this.clock = clock;
		this.properties = properties;
		this.events = events;
	}

	// ------------------------------------------------------------------ what is on offer

	/** Items on offer, oldest first; with {@code all}, inactive ones too (for admins). */
	@Transactional(readOnly = true)
	public List<ShopItem> items(boolean all) {
		return jdbc.query(ITEM_SELECT + (all ? "" : " where i.active") + " order by i.id",
				new MapSqlParameterSource(), ITEM);
	}

	/** An item; an inactive one only with {@code all} (admins), else it is not found. */
	@Transactional(readOnly = true)
	public ShopItem item(long id, boolean all) {
		ShopItem item = find(id);
		if (item == null || !item.active() && !all) {
			throw new NotFoundException("shop item", id);
		}
		return item;
	}

	/** The limit per member that applies to the item. */
	public int limitFor(ShopItem item) {
		return item.perMemberLimit() == null ? properties.perMemberLimit() : item.perMemberLimit();
	}

	// ------------------------------------------------------------------ members

	/**
	 * Redeems one unit for the member, or refuses: an item sold out or withdrawn, the member's limit
	 * for it reached, too few points available. A request repeating an earlier one (the same key)
	 * answers with the redemption it made.
	 *
	 * @param requestKey the client's idempotency key or the form's token (at most
	 * {@value #MAX_REQUEST_KEY} characters)
	 */
	@Transactional
	public Redeemed redeem(MemberId member, long itemId, String requestKey) {
		if (requestKey == null || requestKey.isBlank() || requestKey.length() > MAX_REQUEST_KEY) {
			throw new IllegalArgumentException("a redemption needs a request key of 1 to 100 characters");
		}
		// the balance row lock serialises this member's redemptions: the key, the limit and the balance
		// are read after any other of theirs has committed
		Balance balance = ledger.lock(member, Account.POINTS);
		Redemption earlier = byRequest(member, requestKey);
		if (earlier != null) {
			if (earlier.itemId() != itemId) {
				throw new RuleViolationException("request-key-reused",
						"This idempotency key was used for another redemption.");
			}
			return new Redeemed(earlier, false);
		}
		ShopItem item = item(itemId, false);
		int limit = limitFor(item);
		if (held(member, itemId) >= limit) {
			throw new RuleViolationException("shop-limit-reached",
					"You have redeemed this item as often as one member may (%d).".formatted(limit), limit);
		}
		if (balance.available() < item.price()) {
			throw insufficient(item.price(), balance.available());
		}
		// the stock is taken first, so the hold is for the price the item has as it is taken
		Integer price = jdbc.query("""
				update shop_item set stock = stock - 1, updated_at = :now where id = :id and active and stock > 0
				returning price""", new MapSqlParameterSource("id", itemId).addValue("now", now()),
				(rs, row) -> rs.getInt(1)).stream().findFirst().orElse(null);
		if (price == null) {
			throw find(itemId).active() ? new RuleViolationException("shop-sold-out", "This item is sold out.")
					: new RuleViolationException("shop-item-withdrawn", "This item is no longer offered.");
		}
		Hold hold = holds.place(member, price, PURPOSE, "shop:" + member.value() + ":" + requestKey,
				properties.holdValidity());
		long id = jdbc.queryForObject("""
				insert into shop_redemption (item_id, member_id, price, hold_id, request_key, state, created_at)
				values (:item, :member, :price, :hold, :key, 'PENDING', :now) returning id""",
				new MapSqlParameterSource("item", itemId).addValue("member", member.value())
					.addValue("price", price)
					.addValue("hold", hold.id())
					.addValue("key", requestKey)
					.addValue("now", now()),
				Long.class);
		return new Redeemed(redemption(id), true);
	}

	/** Cancels the member's pending redemption: the points and the unit go back. */
	@Transactional
	public Redemption cancel(MemberId member, long redemptionId) {
		Locked locked = lock("r.id = :id and r.member_id = :member",
				new MapSqlParameterSource("id", redemptionId).addValue("member", member.value()));
		if (locked == null) {
			throw new NotFoundException("redemption", redemptionId);
		}
		requirePending(locked);
		// a hold the expiry job released a moment ago is already back; the redemption then expired
		Hold hold = holds.release(locked.holdId());
		boolean expired = !hold.expiresAt().isAfter(clock.instant());
		giveBack(locked, expired ? RedemptionState.EXPIRED : RedemptionState.CANCELLED);
		return redemption(redemptionId);
	}

	/** The member's redemptions, newest first. */
	@Transactional(readOnly = true)
	public Page<Redemption> redemptions(MemberId member, int page, int size) {
		return page("r.member_id = :member", new MapSqlParameterSource("member", member.value()), page, size);
	}

	/** The member's pending redemptions, newest first, for the points page. */
	@Transactional(readOnly = true)
	public List<Redemption> pending(MemberId member) {
		return jdbc.query(REDEMPTION_SELECT + " where r.member_id = :member and r.state = 'PENDING' order by r.id desc",
				new MapSqlParameterSource("member", member.value()), REDEMPTION);
	}

	// ------------------------------------------------------------------ admins

	@Transactional
	public long create(Actor admin, ShopItemDraft draft) {
		requireAdmin(admin);
		String titleEn = text("titleEn", draft.titleEn(), MAX_TITLE, true);
		String titleZh = text("titleZh", draft.titleZh(), MAX_TITLE, true);
		String descriptionEn = text("descriptionEn", draft.descriptionEn(), MAX_DESCRIPTION, false);
		String descriptionZh = text("descriptionZh", draft.descriptionZh(), MAX_DESCRIPTION, false);
		if (draft.kind() == null) {
			throw new InvalidInputException("kind", "one-of", "must be one of coupon, merchandise",
					"coupon, merchandise");
		}
		checkPrice(draft.price());
		checkStock(draft.stock());
		checkLimit(draft.perMemberLimit());
		return jdbc.queryForObject("""
				insert into shop_item (title_en, title_zh, description_en, description_zh, kind, price, stock,
				    per_member_limit, active, created_at, updated_at)
				values (:titleEn, :titleZh, :descriptionEn, :descriptionZh, :kind, :price, :stock, :limit, :active,
				    :now, :now)
				returning id""",
				new MapSqlParameterSource("titleEn", titleEn).addValue("titleZh", titleZh)
					.addValue("descriptionEn", descriptionEn)
					.addValue("descriptionZh", descriptionZh)
					.addValue("kind", draft.kind().name())
					.addValue("price", draft.price())
					.addValue("stock", draft.stock())
					.addValue("limit", draft.perMemberLimit())
					.addValue("active", draft.active())
					.addValue("now", now()),
				Long.class);
	}

	/**
	 * Sets an item's price, stock or whether it is offered. A new price applies to later redemptions;
	 * pending ones keep theirs.
	 */
	@Transactional
	public ShopItem update(Actor admin, long itemId, ShopItemChange change) {
		requireAdmin(admin);
		if (change.price() != null) {
			checkPrice(change.price());
		}
		if (change.stock() != null) {
			checkStock(change.stock());
		}
		int updated = jdbc.update("""
				update shop_item set price = coalesce(:price, price), stock = coalesce(:stock, stock),
				    active = coalesce(:active, active), updated_at = :now
				where id = :id""",
				new MapSqlParameterSource("id", itemId).addValue("price", change.price())
					.addValue("stock", change.stock())
					.addValue("active", change.active())
					.addValue("now", now()));
		if (updated == 0) {
			throw new NotFoundException("shop item", itemId);
		}
		return item(itemId, true);
	}

	/**
	 * Loads codes for an item, each to be handed out once; every new code adds a unit of stock. Blank
	 * lines are skipped, codes the item has already are left out.
	 */
	@Transactional
	public CodesLoaded loadCodes(Actor admin, long itemId, List<String> codes) {
		requireAdmin(admin);
		Set<String> distinct = new LinkedHashSet<>();
		for (String code : codes == null ? List.<String>of() : codes) {
			String stripped = code == null ? "" : code.strip();
			if (stripped.length() > MAX_CODE) {
				throw new InvalidInputException("codes", "code-length", "each code must be at most 100 characters",
						MAX_CODE);
			}
			if (!stripped.isEmpty()) {
				distinct.add(stripped);
			}
		}
		if (distinct.isEmpty() || distinct.size() > MAX_CODES_PER_LOAD) {
			throw new InvalidInputException("codes", "code-count", "must hold 1 to 1000 codes", 1,
					MAX_CODES_PER_LOAD);
		}
		Integer stock = jdbc.query("select stock from shop_item where id = :id for update",
				new MapSqlParameterSource("id", itemId), (rs, row) -> rs.getInt(1)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("shop item", itemId));
		if ((long) stock + distinct.size() > properties.maxStock()) {
			throw new InvalidInputException("codes", "stock-range", "would take the stock beyond its maximum",
					properties.maxStock());
		}
		List<MapSqlParameterSource> rows = new ArrayList<>();
		for (String code : distinct) {
			rows.add(new MapSqlParameterSource("item", itemId).addValue("code", code).addValue("now", now()));
		}
		int loaded = 0;
		for (int inserted : jdbc.batchUpdate("""
				insert into shop_code (item_id, code, loaded_at) values (:item, :code, :now) on conflict do nothing""",
				rows.toArray(MapSqlParameterSource[]::new))) {
			loaded += Math.max(0, inserted);
		}
		jdbc.update("update shop_item set stock = stock + :loaded, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", itemId).addValue("loaded", loaded).addValue("now", now()));
		return new CodesLoaded(loaded, distinct.size() - loaded, stock + loaded);
	}

	/** Redemptions in one state, oldest first (the queue to fulfil), for admins. */
	@Transactional(readOnly = true)
	public Page<Redemption> redemptions(Actor admin, RedemptionState state, int page, int size) {
		requireAdmin(admin);
		MapSqlParameterSource params = new MapSqlParameterSource("state", state.name());
		List<Redemption> found = jdbc.query(REDEMPTION_SELECT
				+ " where r.state = :state order by r.id limit :limit offset :offset",
				params.addValue("limit", size).addValue("offset", (long) page * size), REDEMPTION);
		Long total = jdbc.queryForObject("select count(*) from shop_redemption where state = :state", params,
				Long.class);
		return new PageImpl<>(found, PageRequest.of(page, size), total == null ? 0 : total);
	}

	/**
	 * Hands a pending redemption out: its points are spent, and it gets the item's next code if the
	 * item has codes. Fulfilling it again changes nothing.
	 */
	@Transactional
	public Redemption fulfil(Actor admin, long redemptionId) {
		requireAdmin(admin);
		Locked locked = lock("r.id = :id", new MapSqlParameterSource("id", redemptionId));
		if (locked == null) {
			throw new NotFoundException("redemption", redemptionId);
		}
		if (locked.state() == RedemptionState.FULFILLED) {
			return redemption(redemptionId);
		}
		requirePending(locked);
		if (holds.get(locked.holdId()).state() == Hold.State.RELEASED) {
			throw notPending(RedemptionState.EXPIRED);
		}
		Boolean hasCodes = jdbc.queryForObject("select exists (select 1 from shop_code where item_id = :item)",
				new MapSqlParameterSource("item", locked.itemId()), Boolean.class);
		if (Boolean.TRUE.equals(hasCodes)) {
			// another fulfilment holding the first free code skips to the next one
			Long code = jdbc.query("""
					select id from shop_code where item_id = :item and redemption_id is null
					order by id limit 1 for update skip locked""", new MapSqlParameterSource("item", locked.itemId()),
					(rs, row) -> rs.getLong(1)).stream().findFirst()
				.orElseThrow(() -> new RuleViolationException("shop-codes-exhausted",
						"Every code of this item has been handed out: load more codes first."));
			jdbc.update("update shop_code set redemption_id = :redemption where id = :id",
					new MapSqlParameterSource("id", code).addValue("redemption", redemptionId));
		}
		holds.capture(locked.holdId());
		jdbc.update("""
				update shop_redemption set state = 'FULFILLED', settled_at = :now, settled_by = :by where id = :id""",
				new MapSqlParameterSource("id", redemptionId).addValue("now", now())
					.addValue("by", admin.id().value()));
		events.publishEvent(new RedemptionSettled(redemptionId, locked.member(), RedemptionState.FULFILLED));
		return redemption(redemptionId);
	}

	// ------------------------------------------------------------------ expiry

	/**
	 * A shop hold was released without the shop asking (it expired): the redemption lapses and its
	 * unit goes back on sale, once, however often the event arrives.
	 */
	@ApplicationModuleListener
	void on(HoldReleased event) {
		if (!PURPOSE.equals(event.purpose())) {
			return;
		}
		Locked locked = lock("r.hold_id = :hold", new MapSqlParameterSource("hold", event.holdId()));
		if (locked != null && locked.state() == RedemptionState.PENDING) {
			giveBack(locked, event.expired() ? RedemptionState.EXPIRED : RedemptionState.CANCELLED);
		}
	}

	// ------------------------------------------------------------------ the rest

	@Transactional(readOnly = true)
	public Redemption redemption(long id) {
		return jdbc.query(REDEMPTION_SELECT + " where r.id = :id", new MapSqlParameterSource("id", id), REDEMPTION)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("redemption", id));
	}

	private void giveBack(Locked locked, RedemptionState state) {
		jdbc.update("update shop_redemption set state = :state, settled_at = :now where id = :id",
				new MapSqlParameterSource("id", locked.id()).addValue("state", state.name()).addValue("now", now()));
		jdbc.update("update shop_item set stock = stock + 1, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", locked.itemId()).addValue("now", now()));
		events.publishEvent(new RedemptionSettled(locked.id(), locked.member(), state));
	}

	private Page<Redemption> page(String where, MapSqlParameterSource params, int page, int size) {
		List<Redemption> found = jdbc.query(REDEMPTION_SELECT + " where " + where
				+ " order by r.id desc limit :limit offset :offset",
				params.addValue("limit", size).addValue("offset", (long) page * size), REDEMPTION);
		Long total = jdbc.queryForObject("select count(*) from shop_redemption r where " + where, params, Long.class);
		return new PageImpl<>(found, PageRequest.of(page, size), total == null ? 0 : total);
	}

	private Locked lock(String where, MapSqlParameterSource params) {
		return jdbc.query("select r.id, r.item_id, r.member_id, r.hold_id, r.state from shop_redemption r where "
				+ where + " for update", params,
				(rs, row) -> new Locked(rs.getLong("id"), rs.getLong("item_id"), new MemberId(rs.getLong("member_id")),
						rs.getLong("hold_id"), RedemptionState.valueOf(rs.getString("state"))))
			.stream()
			.findFirst()
			.orElse(null);
	}

	private Redemption byRequest(MemberId member, String requestKey) {
		return jdbc.query(REDEMPTION_SELECT + " where r.member_id = :member and r.request_key = :key",
				new MapSqlParameterSource("member", member.value()).addValue("key", requestKey), REDEMPTION)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private long held(MemberId member, long itemId) {
		Long count = jdbc.queryForObject("""
				select count(*) from shop_redemption
				where item_id = :item and member_id = :member and state in ('PENDING', 'FULFILLED')""",
				new MapSqlParameterSource("item", itemId).addValue("member", member.value()), Long.class);
		return count == null ? 0 : count;
	}

	private ShopItem find(long id) {
		return jdbc.query(ITEM_SELECT + " where i.id = :id", new MapSqlParameterSource("id", id), ITEM)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static void requirePending(Locked locked) {
		if (locked.state() != RedemptionState.PENDING) {
			throw notPending(locked.state());
		}
	}

	private static RuleViolationException notPending(RedemptionState state) {
		return new RuleViolationException("redemption-settled",
				"This redemption is no longer pending: it is " + state.name().toLowerCase(java.util.Locale.ROOT) + ".");
	}

	static RuleViolationException insufficient(int needed, long available) {
		return new RuleViolationException("insufficient-points",
				"Not enough points: this needs %d and %d are available.".formatted(needed, available), needed,
				available);
	}

	static void requireAdmin(Actor actor) {
		if (actor == null || actor.role() != Role.ADMIN) {
			throw new PermissionDeniedException("shop-admin", "Only admins run the points shop.");
		}
	}

	private void checkPrice(int price) {
		if (price < 1 || price > properties.maxPrice()) {
			throw new InvalidInputException("price", "range", "must be 1 to " + properties.maxPrice(), 1,
					properties.maxPrice());
		}
	}

	private void checkStock(int stock) {
		if (stock < 0 || stock > properties.maxStock()) {
			throw new InvalidInputException("stock", "range", "must be 0 to " + properties.maxStock(), 0,
					properties.maxStock());
		}
	}

	private void checkLimit(Integer limit) {
		if (limit != null && (limit < 1 || limit > properties.maxStock())) {
			throw new InvalidInputException("perMemberLimit", "range", "must be 1 to " + properties.maxStock(), 1,
					properties.maxStock());
		}
	}

	private static String text(String field, String value, int max, boolean required) {
		String text = value == null ? "" : value.strip();
		if (required && text.isEmpty()) {
			throw new InvalidInputException(field, "blank", "must not be blank");
		}
		if (text.length() > max) {
			throw new InvalidInputException(field, "too-long", "must be at most " + max + " characters", max);
		}
		return text;
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private record Locked(long id, long itemId, MemberId member, long holdId, RedemptionState state) {
	}

	private static final String ITEM_SELECT = """
			select i.*, (select count(*) from shop_code c where c.item_id = i.id) as codes,
			    (select count(*) from shop_code c where c.item_id = i.id and c.redemption_id is null) as codes_left
			from shop_item i""";

	private static final RowMapper<ShopItem> ITEM = (rs, row) -> {
		int limit = rs.getInt("per_member_limit");
		Integer perMemberLimit = rs.wasNull() ? null : limit;
		return new ShopItem(rs.getLong("id"), rs.getString("title_en"), rs.getString("title_zh"),
				rs.getString("description_en"), rs.getString("description_zh"),
				ShopItemKind.valueOf(rs.getString("kind")), rs.getInt("price"), rs.getInt("stock"),
				perMemberLimit, rs.getBoolean("active"), rs.getLong("codes"), rs.getLong("codes_left"),
				rs.getTimestamp("created_at").toInstant());
	};

	private static final String REDEMPTION_SELECT = """
			select r.*, i.title_en, i.title_zh, i.kind, h.expires_at, c.code
			from shop_redemption r join shop_item i on i.id = r.item_id join points_hold h on h.id = r.hold_id
			left join shop_code c on c.redemption_id = r.id""";

	private static final RowMapper<Redemption> REDEMPTION = (rs, row) -> {
		Timestamp settled = rs.getTimestamp("settled_at");
		long by = rs.getLong("settled_by");
		MemberId settledBy = rs.wasNull() ? null : new MemberId(by);
		return new Redemption(rs.getLong("id"), rs.getLong("item_id"), rs.getString("title_en"),
				rs.getString("title_zh"), ShopItemKind.valueOf(rs.getString("kind")),
				new MemberId(rs.getLong("member_id")), rs.getInt("price"),
				RedemptionState.valueOf(rs.getString("state")), rs.getString("code"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				settled == null ? null : settled.toInstant(), settledBy);
	};
}
