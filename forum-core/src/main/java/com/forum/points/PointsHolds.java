package com.forum.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.shared.ClusterJobs;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

/**
 * Holds on points: a purchase sets points aside at once, so that two purchases cannot both spend the
 * same points, and the points leave the balance only when the purchase is fulfilled. A hold is placed
 * under the member's balance row lock, after checking what is still available; it is captured into a
 * ledger entry, or released, exactly once.
 */
@Service
public class PointsHolds implements SchedulingConfigurer {

	private final NamedParameterJdbcTemplate jdbc;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PointsProperties properties;

	private final TransactionTemplate tx;

	private final ClusterJobs jobs;

	PointsHolds(NamedParameterJdbcTemplate jdbc, Ledger ledger, ApplicationEventPublisher events, Clock clock,
			PointsProperties properties, TransactionTemplate tx,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.tx = tx;
	}

	/**
	 * Sets the points aside, or refuses when fewer are available. Placing a hold for the same cause again
	 * returns the hold placed first.
	 *
	 * @param validFor how long the hold stays open; null for the configured validity
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Hold place(MemberId member, int amount, String purpose, String causeKey, Duration validFor) {
		if (amount <= 0) {
			throw new IllegalArgumentException("a hold is for a positive amount");
		}
		Balance balance = ledger.lock(member, Account.POINTS);
		Hold existing = byCause(causeKey);
		if (existing != null) {
			return existing;
		}
		if (balance.available() < amount) {
			throw new RuleViolationException("insufficient-points",
					"Not enough points: this needs %d and %d are available.".formatted(amount, balance.available()),
					amount, balance.available());
		}
		var now = clock.instant();
		long id = jdbc.queryForObject("""
				insert into points_hold (member_id, amount, purpose, cause_key, state, created_at, expires_at)
				values (:member, :amount, :purpose, :cause, 'HELD', :now, :expires) returning id""",
				new MapSqlParameterSource("member", member.value()).addValue("amount", amount)
					.addValue("purpose", purpose)
					.addValue("cause", causeKey)
					.addValue("now", Timestamp.from(now))
					.addValue("expires", Timestamp.from(now.plus(validFor == null ? properties.holdValidity() : validFor))),
				Long.class);
		adjustHeld(member, amount);
		return get(id);
	}

	/** Spends the held points: one ledger entry; capturing again changes nothing. */
	@Transactional(propagation = Propagation.REQUIRED)
	public Hold capture(long holdId) {
		Hold hold = lockOpen(holdId);
		if (hold.state() != Hold.State.HELD) {
			if (hold.state() == Hold.State.RELEASED) {
				throw new RuleViolationException("hold-released", "These points were released and can no longer be spent.");
			}
			return hold;
		}
		Balance balance = ledger.lock(hold.member(), Account.POINTS);
		Posting spending = Posting.of(hold.member(), Account.POINTS, -hold.amount(), hold.purpose(),
				"capture:" + hold.causeKey());
		long entry = ledger.insert(spending, -hold.amount(), ledger.today(hold.member()), null);
		// the held points leave the balance and the held sum together, so what is available stays
		adjustHeld(hold.member(), -hold.amount());
		ledger.credit(hold.member(), Account.POINTS, entry, -hold.amount(), hold.purpose(),
				new Balance(balance.balance(), balance.held() - hold.amount()));
		settle(holdId, Hold.State.CAPTURED, entry);
		return get(holdId);
	}

	/** Gives the held points back; releasing again, or a captured hold, changes nothing. */
	@Transactional(propagation = Propagation.REQUIRED)
	public Hold release(long holdId) {
		return release(lockOpen(holdId), false);
	}

	@Transactional(readOnly = true)
	public Hold get(long holdId) {
		return jdbc.query("select * from points_hold where id = :id", new MapSqlParameterSource("id", holdId), HOLD)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("hold", holdId));
	}

	/** The member's open holds, newest first. */
	@Transactional(readOnly = true)
	public List<Hold> open(MemberId member) {
		return jdbc.query("select * from points_hold where member_id = :member and state = 'HELD' order by id desc",
				new MapSqlParameterSource("member", member.value()), HOLD);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(jobs.every("points-holds-expiry", properties.housekeepingInterval(), this::releaseExpired),
				properties.housekeepingInterval());
	}

	/** Releases the holds whose time ran out, a batch at a time; returns how many. */
	public int releaseExpired() {
		List<Long> due = jdbc.queryForList("""
				select id from points_hold where state = 'HELD' and expires_at <= :now order by expires_at limit 200""",
				new MapSqlParameterSource("now", Timestamp.from(clock.instant())), Long.class);
		int released = 0;
		for (long id : due) {
			Boolean done = tx.execute(status -> {
				Hold hold = lockOpen(id);
				return hold.state() == Hold.State.HELD && !hold.expiresAt().isAfter(clock.instant())
						&& release(hold, true).state() == Hold.State.RELEASED;
			});
			if (Boolean.TRUE.equals(done)) {
				released++;
			}
		}
		return released;
	}

	private Hold release(Hold hold, boolean expired) {
		if (hold.state() != Hold.State.HELD) {
			return hold;
		}
		ledger.lock(hold.member(), Account.POINTS);
		adjustHeld(hold.member(), -hold.amount());
		settle(hold.id(), Hold.State.RELEASED, null);
		events.publishEvent(new HoldReleased(hold.id(), hold.member(), hold.purpose(), hold.causeKey(), expired));
		return get(hold.id());
	}

	/** Locks the hold row; the balance row is always locked after it, the order every path keeps. */
	private Hold lockOpen(long holdId) {
		return jdbc.query("select * from points_hold where id = :id for update", new MapSqlParameterSource("id", holdId),
				HOLD).stream().findFirst().orElseThrow(() -> new NotFoundException("hold", holdId));
	}

	private Hold byCause(String causeKey) {
		return jdbc.query("select * from points_hold where cause_key = :cause", new MapSqlParameterSource("cause", causeKey),
				HOLD).stream().findFirst().orElse(null);
	}

	private void adjustHeld(MemberId member, int delta) {
		jdbc.update("update ledger_balance set held = held + :delta where member_id = :member and account = 'POINTS'",
				new MapSqlParameterSource("member", member.value()).addValue("delta", delta));
	}

	private void settle(long holdId, Hold.State state, Long entry) {
		jdbc.update("update points_hold set state = :state, settled_at = :now, entry_id = :entry where id = :id",
				new MapSqlParameterSource("id", holdId).addValue("state", state.name())
					.addValue("now", Timestamp.from(clock.instant()))
					.addValue("entry", entry));
	}

	private static final RowMapper<Hold> HOLD = (rs, row) -> new Hold(rs.getLong("id"),
			new MemberId(rs.getLong("member_id")), rs.getInt("amount"), rs.getString("purpose"),
			rs.getString("cause_key"), Hold.State.valueOf(rs.getString("state")),
			rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant());
}
