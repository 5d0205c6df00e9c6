package com.forum.points;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;

/**
 * Admins' corrections of members' points: a compensating ledger entry of reason
 * {@value #REASON}, which records the admin and their reason, so every adjustment stays on the
 * record. Taking away more than the member has available is refused, as any spending is.
 */
@Service
public class PointsAdjustments {

	public static final String REASON = "adjustment";

	/** The largest correction one entry makes, either way: a bound on typing mistakes, not a policy. */
	public static final int MAX_AMOUNT = 1_000_000;

	/** The longest reason the ledger keeps (its note column). */
	public static final int MAX_REASON = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	PointsAdjustments(NamedParameterJdbcTemplate jdbc, Ledger ledger, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.events = events;
	}

	/**
	 * Adds (positive amount) or removes (negative) points. The same request key posts once: a repeated
	 * request answers with the adjustment made first.
	 *
	 * @param requestKey the client's idempotency key or the form's token
	 */
	@Transactional
	public Adjustment adjust(Actor admin, MemberId member, int amount, String reason, String requestKey) {
		if (admin == null || admin.role() != Role.ADMIN) {
			throw new PermissionDeniedException("adjust-points", "Only admins adjust members' points.");
		}
		if (amount == 0 || Math.abs((long) amount) > MAX_AMOUNT) {
			throw new InvalidInputException("amount", "adjustment-range",
					"must be a non-zero number of points up to 1,000,000 either way", MAX_AMOUNT);
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "blank", "must not be blank");
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "too-long", "must be at most 500 characters", MAX_REASON);
		}
		if (requestKey == null || requestKey.isBlank() || requestKey.length() > PointsShop.MAX_REQUEST_KEY) {
			throw new IllegalArgumentException("an adjustment needs a request key of 1 to 100 characters");
		}
		String cause = REASON + ":" + admin.id().value() + ":" + requestKey;
		Posted posted = ledger.post(Posting.of(member, Account.POINTS, amount, REASON, cause).by(admin.id(), why));
		Adjustment made = jdbc.query(SELECT + " where account = 'POINTS' and cause_key = :cause",
				new MapSqlParameterSource("cause", cause), ADJUSTMENT).getFirst();
		if (!posted.isNew()) {
			return made;
		}
		long balance = ledger.balance(member, Account.POINTS).balance();
		events.publishEvent(new PointsAdjusted(made.entryId(), member, admin.id(), amount, why, balance, made.at()));
		return new Adjustment(made.entryId(), made.member(), made.admin(), made.amount(), made.reason(), made.at(),
				balance);
	}

	/** Every adjustment, newest first; for one member when {@code member} is given. */
	@Transactional(readOnly = true)
	public Page<Adjustment> list(Actor admin, MemberId member, int page, int size) {
		if (admin == null || admin.role() != Role.ADMIN) {
			throw new PermissionDeniedException("adjust-points", "Only admins adjust members' points.");
		}
		String where = " where account = 'POINTS' and reason = '" + REASON + "'"
				+ (member == null ? "" : " and member_id = :member");
		MapSqlParameterSource params = new MapSqlParameterSource("member", member == null ? null : member.value())
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		List<Adjustment> found = jdbc.query(SELECT + where + " order by id desc limit :limit offset :offset", params,
				ADJUSTMENT);
		Long total = jdbc.queryForObject("select count(*) from ledger_entry" + where, params, Long.class);
		return new PageImpl<>(found, PageRequest.of(page, size), total == null ? 0 : total);
	}

	private static final String SELECT = "select id, member_id, actor_id, amount, note, created_at from ledger_entry";

	private static final RowMapper<Adjustment> ADJUSTMENT = (rs, row) -> {
		Timestamp at = rs.getTimestamp("created_at");
		return new Adjustment(rs.getLong("id"), new MemberId(rs.getLong("member_id")),
				new MemberId(rs.getLong("actor_id")), rs.getInt("amount"), rs.getString("note"), at.toInstant(), null);
	};
}
