package com.forum.launch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Hold;
import com.forum.points.Ledger;
import com.forum.points.PointsHolds;
import com.forum.reputation.Level;
import com.forum.reputation.Reputation;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

/**
 * Members reserving, cancelling and waiting, the store redeeming codes, and the jobs that expire
 * reservations, remind their members and tell watchers their window opened.
 * <p>
 * An attempt is decided by Redis (see {@link Admission}): a refused one never reaches PostgreSQL. An
 * admitted one takes a slot in PostgreSQL by a conditional update that cannot pass the slots, places
 * the points hold and stores the reservation, in one transaction; if PostgreSQL refuses, Redis gets
 * the slot back. A slot freed by a cancellation or an expiry goes to the first waiting member still
 * eligible in the same transaction.
 */
@Service
public class Reservations {

	/** The purpose of the points holds launches place. */
	public static final String PURPOSE = "launch";

	private final LaunchRecords records;

	private final Admission admission;

	private final Launches launches;

	private final ReservationCodes codes;

	private final Reputation reputation;

	private final PointsHolds holds;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	private final LaunchProperties properties;

	private final Clock clock;

	private final TransactionTemplate tx;

	Reservations(LaunchRecords records, Admission admission, Launches launches, ReservationCodes codes,
			Reputation reputation, PointsHolds holds, Ledger ledger, ApplicationEventPublisher events,
			LaunchProperties properties, Clock clock, TransactionTemplate tx) {
		this.records = records;
		this.admission = admission;
		this.launches = launches;
		this.codes = codes;
		this.reputation = reputation;
		this.holds = holds;
		this.ledger = ledger;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.tx = tx;
	}

	// ------------------------------------------------------------------ members

	/**
	 * Reserves a slot for the member, or refuses: sold out, already holding one, paused, closed (409s),
	 * their window not open yet (403 naming it), admission unavailable (503). The member's level is read
	 * only for an attempt before the general opening.
	 */
	public Reservation reserve(MemberId member, long launchId) {
		int level = -1;
		Admission.Verdict verdict = admit(launchId, member, level);
		if ("LEVEL".equals(verdict.reason())) {
			level = reputation.level(member).number();
			verdict = admit(launchId, member, level);
		}
		switch (verdict.reason()) {
			case "ADMITTED" -> {
				return store(launchId, member, verdict.generation());
			}
			case "MISSING" -> {
				launches.get(launchId, false);
				launches.rebuildSoon(launchId);
				throw unavailable(null);
			}
			case "DRAFT" -> throw new NotFoundException("launch", launchId);
			// NOT_YET comes only before the general opening, after the level was read for the second call
			case "NOT_YET" -> throw new WindowNotOpenException(level, verdict.windowLevel(),
					Instant.ofEpochMilli(verdict.value()));
			case "SOLD_OUT" -> throw soldOut();
			case "ALREADY" -> throw new AdmissionRefused("launch-already-reserved",
					"You already hold a slot of this launch: one per member.");
			case "PAUSED" -> throw new AdmissionRefused("launch-paused",
					"Reservations for this launch are paused; try again later.");
			case "CLOSED" -> throw new AdmissionRefused("launch-closed", "This launch is closed.");
			default -> throw new IllegalStateException("unknown admission answer " + verdict.reason());
		}
	}

	/**
	 * Whether this node told the member lately that the launch is sold out, with nothing changed in the
	 * launch since: their attempt would hear the same, so the web layer answers it without the rest of
	 * the request's work. The answer is at most {@code forum.launch.sold-out-memo} old.
	 */
	public boolean toldSoldOutLately(MemberId member, long launchId) {
		return admission.toldSoldOutLately(launchId, member);
	}

	/** The refusal of an attempt at a sold-out launch, the same wherever it is made. */
	public static RuleViolationException soldOut() {
		return new AdmissionRefused("launch-sold-out", "Every slot of this launch is taken; join the waitlist.");
	}

	private Admission.Verdict admit(long launchId, MemberId member, int level) {
		try {
			return admission.admit(launchId, member, level, clock.instant());
		}
		catch (DataAccessException down) {
			launches.rebuildSoon(launchId);
			throw unavailable(down);
		}
	}

	private LaunchUnavailableException unavailable(Throwable cause) {
		return new LaunchUnavailableException("Reservations are being set up again; try again in a moment.",
				properties.retryAfter(), cause);
	}

	/**
	 * The admitted attempt in PostgreSQL. Redis is then corrected only if the keys that admitted it
	 * ({@code generation}) are still in place: keys rebuilt since were read from PostgreSQL. A stored
	 * reservation is counted in rebuilt keys whose snapshot missed it ({@link #confirm}); a refused
	 * attempt lets its member go and gives the slot back, also when PostgreSQL found no slot (Redis
	 * counted one that a reservation committed after a rebuild's snapshot holds, and that reservation's
	 * confirmation takes it); a member PostgreSQL already knows as a holder was missing from the holders
	 * for the same reason, and the admission just counted them, so nothing changes.
	 */
	private Reservation store(long launchId, MemberId member, String generation) {
		Reservation made;
		try {
			made = tx.execute(status -> {
				Reservation taken = take(launchId, member, false);
				if (taken == null) {
					Launch launch = records.get(launchId);
					throw launch.state() == LaunchState.OPEN ? new PostgresSoldOut()
							: launch.state() == LaunchState.PAUSED
									? new RuleViolationException("launch-paused",
											"Reservations for this launch are paused; try again later.")
									: new RuleViolationException("launch-closed", "This launch is closed.");
				}
				records.jdbc().update("delete from launch_waitlist where launch_id = :launch and member_id = :member",
						new MapSqlParameterSource("launch", launchId).addValue("member", member.value()));
				return taken;
			});
		}
		catch (DuplicateKeyException already) {
			throw new RuleViolationException("launch-already-reserved",
					"You already hold a slot of this launch: one per member.");
		}
		catch (PostgresSoldOut soldOut) {
			launches.afterCommit(() -> admission.settle(launchId, generation, 0, List.of(member)));
			throw soldOut();
		}
		catch (RuntimeException refused) {
			launches.afterCommit(() -> admission.settle(launchId, generation, 0, List.of(member)));
			throw refused;
		}
		confirm(launchId, generation, member, CONFIRM_TRIES);
		return made;
	}

	/** How often a stored reservation asks Redis to count it while rebuilds are under way (every 250 ms). */
	private static final int CONFIRM_TRIES = 160;

	/**
	 * Counts a stored reservation in admission keys rebuilt since it was admitted; asks again after a
	 * rebuild under way, or while Redis cannot be reached (keys it lost are rebuilt from PostgreSQL,
	 * where the reservation is committed, but keys rebuilt before may have missed it).
	 */
	private void confirm(long launchId, String generation, MemberId member, int triesLeft) {
		boolean done;
		try {
			done = admission.confirm(launchId, generation, member);
		}
		catch (DataAccessException unreachable) {
			done = false;
		}
		if (!done && triesLeft > 0) {
			CompletableFuture.delayedExecutor(250, TimeUnit.MILLISECONDS)
				.execute(() -> confirm(launchId, generation, member, triesLeft - 1));
		}
	}

	/** PostgreSQL found no slot left for an attempt Redis admitted (Redis counted keys rebuilt mid-way). */
	private static final class PostgresSoldOut extends RuntimeException {

		PostgresSoldOut() {
			super(null, null, false, false);
		}
	}

	/**
	 * Takes a slot in PostgreSQL and stores the reservation (inside the caller's transaction), or returns
	 * null when no slot is left or the launch is not open. The points hold is placed here.
	 */
	private Reservation take(long launchId, MemberId member, boolean promoted) {
		Instant now = clock.instant();
		List<Map<String, Object>> taken = records.jdbc().queryForList("""
				update launch set taken = taken + 1, updated_at = :now
				where id = :id and taken < slots and state = 'OPEN' returning points_price, validity_secs""",
				new MapSqlParameterSource("id", launchId).addValue("now", Timestamp.from(now)));
		if (taken.isEmpty()) {
			return null;
		}
		Integer price = (Integer) taken.getFirst().get("points_price");
		Instant expires = now.plusSeconds(((Number) taken.getFirst().get("validity_secs")).longValue());
		Long holdId = null;
		if (price != null) {
			long earlier = records.jdbc().queryForObject(
					"select count(*) from launch_reservation where launch_id = :launch and member_id = :member",
					new MapSqlParameterSource("launch", launchId).addValue("member", member.value()), Long.class);
			String cause = "launch:" + launchId + ":member:" + member.value() + (earlier == 0 ? "" : ":" + (earlier + 1));
			Hold hold = holds.place(member, price, PURPOSE, cause,
					java.time.Duration.between(now, expires).plus(properties.holdGrace()));
			holdId = hold.id();
		}
		long id = records.jdbc().queryForObject("""
				insert into launch_reservation (launch_id, member_id, code, state, hold_id, promoted, created_at, expires_at)
				values (:launch, :member, :code, 'PENDING', :hold, :promoted, :now, :expires) returning id""",
				new MapSqlParameterSource("launch", launchId).addValue("member", member.value())
					.addValue("code", codes.next())
					.addValue("hold", holdId)
					.addValue("promoted", promoted)
					.addValue("now", Timestamp.from(now))
					.addValue("expires", Timestamp.from(expires)),
				Long.class);
		records.audit(launchId, id, member, promoted ? null : member, promoted ? "PROMOTED" : "RESERVED", null);
		return records.reservation(id);
	}

	/** Cancels the member's pending reservation: the slot goes to the waitlist, the points back. */
	@Transactional
	public Reservation cancel(MemberId member, long launchId) {
		Reservation mine = records.active(launchId, member);
		if (mine == null) {
			throw new NotFoundException("reservation", launchId);
		}
		Reservation locked = lockReservation(mine.id());
		if (locked.state() == ReservationState.CONFIRMED) {
			throw new RuleViolationException("reservation-confirmed",
					"The store has confirmed this reservation; it can no longer be cancelled.");
		}
		if (locked.state() != ReservationState.PENDING) {
			throw new NotFoundException("reservation", launchId);
		}
		free(locked, ReservationState.CANCELLED, member, "CANCELLED");
		return records.reservation(locked.id());
	}

	/** Joins the waitlist of a sold-out launch whose window is open for the member; returns their place. */
	@Transactional
	public int joinWaitlist(MemberId member, long launchId) {
		Launch launch = records.lock(launchId);
		if (!launch.published()) {
			throw new NotFoundException("launch", launchId);
		}
		if (launch.state() == LaunchState.CLOSED) {
			throw new RuleViolationException("launch-closed", "This launch is closed.");
		}
		if (records.active(launchId, member) != null) {
			throw new RuleViolationException("launch-already-reserved",
					"You already hold a slot of this launch: one per member.");
		}
		if (launch.slotsLeft() > 0) {
			throw new RuleViolationException("launch-not-sold-out", "Slots are left: reserve one instead.");
		}
		int level = reputation.level(member).number();
		if (clock.instant().isBefore(launch.windowStartFor(level))) {
			PriorityWindow window = launch.windowFor(level);
			throw new WindowNotOpenException(level, window == null ? 0 : window.minLevel(), launch.windowStartFor(level));
		}
		records.jdbc().update("""
				insert into launch_waitlist (launch_id, member_id, joined_at) values (:launch, :member, :now)
				on conflict (launch_id, member_id) do nothing""",
				new MapSqlParameterSource("launch", launchId).addValue("member", member.value())
					.addValue("now", Timestamp.from(clock.instant())));
		return records.jdbc().queryForObject("""
				select count(*) from launch_waitlist o where o.launch_id = :launch
				and o.id <= (select id from launch_waitlist where launch_id = :launch and member_id = :member)""",
				new MapSqlParameterSource("launch", launchId).addValue("member", member.value()), Integer.class);
	}

	@Transactional
	public void leaveWaitlist(MemberId member, long launchId) {
		records.jdbc().update("delete from launch_waitlist where launch_id = :launch and member_id = :member",
				new MapSqlParameterSource("launch", launchId).addValue("member", member.value()));
	}

	/** Asks to be told (centre and e-mail) when the member's window opens; asking again changes nothing. */
	@Transactional
	public void watch(MemberId member, long launchId, boolean watch) {
		launches.get(launchId, false);
		MapSqlParameterSource params = new MapSqlParameterSource("launch", launchId).addValue("member", member.value())
			.addValue("now", Timestamp.from(clock.instant()));
		if (watch) {
			records.jdbc().update("""
					insert into launch_watch (launch_id, member_id, created_at) values (:launch, :member, :now)
					on conflict do nothing""", params);
		}
		else {
			records.jdbc().update("delete from launch_watch where launch_id = :launch and member_id = :member", params);
		}
	}

	/** The member's reservations with their codes, newest first. */
	@Transactional(readOnly = true)
	public List<Reservation> mine(MemberId member) {
		return records.reservations("r.member_id = :member", new MapSqlParameterSource("member", member.value()),
				"limit 200");
	}

	// ------------------------------------------------------------------ the store

	/**
	 * Redeems a code once: the reservation is confirmed and its points spent. A code used before is a
	 * 409, one that never existed a 404.
	 */
	@Transactional
	public Reservation redeem(Actor staff, String typedCode) {
		Launches.requireStaff(staff);
		String code = ReservationCodes.normalize(typedCode);
		Long id = code == null ? null : records.jdbc().query(
				"select id from launch_reservation where code = :code", new MapSqlParameterSource("code", code),
				(rs, row) -> rs.getLong(1)).stream().findFirst().orElse(null);
		if (id == null) {
			throw new NotFoundException("reservation-code", typedCode);
		}
		Reservation reservation = lockReservation(id);
		switch (reservation.state()) {
			case CONFIRMED -> throw new RuleViolationException("reservation-code-used",
					"This code was redeemed already, on %s.".formatted(reservation.settledAt()),
					reservation.settledAt().toString());
			case CANCELLED, EXPIRED -> throw new RuleViolationException("reservation-code-void",
					"This reservation was %s; its code is void.".formatted(reservation.state().name().toLowerCase()),
					reservation.state().name().toLowerCase());
			case PENDING -> {
			}
		}
		if (!reservation.expiresAt().isAfter(clock.instant())) {
			throw new RuleViolationException("reservation-code-void", "This reservation expired; its code is void.",
					"expired");
		}
		Long hold = records.holdOf(id);
		if (hold != null) {
			holds.capture(hold);
		}
		records.jdbc().update("""
				update launch_reservation set state = 'CONFIRMED', settled_at = :now, settled_by = :by where id = :id""",
				new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant()))
					.addValue("by", staff.id().value()));
		records.audit(reservation.launchId(), id, reservation.member(), staff.id(), "REDEEMED", null);
		return records.reservation(id);
	}

	// ------------------------------------------------------------------ jobs

	/** Expires the pending reservations whose time ran out, a batch at a time; returns how many. */
	public int expireDue() {
		List<Long> due = records.jdbc().queryForList("""
				select id from launch_reservation where state = 'PENDING' and expires_at <= :now order by expires_at
				limit 200""", new MapSqlParameterSource("now", Timestamp.from(clock.instant())), Long.class);
		int expired = 0;
		for (long id : due) {
			Boolean done = tx.execute(status -> {
				Reservation reservation = lockReservation(id);
				if (reservation.state() != ReservationState.PENDING || reservation.expiresAt().isAfter(clock.instant())) {
					return false;
				}
				free(reservation, ReservationState.EXPIRED, null, "EXPIRED");
				return true;
			});
			if (Boolean.TRUE.equals(done)) {
				expired++;
			}
		}
		return expired;
	}

	/** Reminds members whose reservation expires within the configured lead; once each. Returns how many. */
	@Transactional
	public int remindDue() {
		Instant now = clock.instant();
		List<ReservationExpiring> due = records.jdbc().query("""
				update launch_reservation r set reminded_at = :now from launch l
				where l.id = r.launch_id and r.state = 'PENDING' and r.reminded_at is null
				  and r.expires_at > :now and r.expires_at <= :horizon
				returning r.id, r.launch_id, l.product, r.member_id, r.expires_at""",
				new MapSqlParameterSource("now", Timestamp.from(now))
					.addValue("horizon", Timestamp.from(now.plus(properties.reminderLead()))),
				(rs, row) -> new ReservationExpiring(rs.getLong(1), rs.getLong(2), rs.getString(3),
						new MemberId(rs.getLong(4)), rs.getTimestamp(5).toInstant()));
		due.forEach(events::publishEvent);
		return due.size();
	}

	/**
	 * Tells each member who asked for it that their window opened (once); returns how many were told.
	 * Only those who asked are told, so the work grows with them, not with the membership.
	 */
	@Transactional
	public int announceWindows() {
		Instant now = clock.instant();
		List<Launch> open = records.launches("""
				where l.state = 'OPEN' and exists (select 1 from launch_watch w where w.launch_id = l.id
				                                   and w.notified_at is null)""", new MapSqlParameterSource());
		int told = 0;
		for (Launch launch : open) {
			if (now.isBefore(launch.firstWindowStart())) {
				continue;
			}
			List<MemberId> watchers = records.jdbc().queryForList("""
					select member_id from launch_watch where launch_id = :launch and notified_at is null
					order by created_at limit 5000""", new MapSqlParameterSource("launch", launch.id()), Long.class)
				.stream().map(MemberId::new).toList();
			Map<MemberId, Level> levels = reputation.levels(watchers);
			List<Long> reached = new ArrayList<>();
			for (MemberId watcher : watchers) {
				Level level = levels.get(watcher);
				if (!now.isBefore(launch.windowStartFor(level == null ? 1 : level.number()))) {
					reached.add(watcher.value());
					events.publishEvent(new LaunchWindowOpened(launch.id(), launch.product(), watcher,
							launch.windowStartFor(level == null ? 1 : level.number())));
				}
			}
			if (!reached.isEmpty()) {
				records.jdbc().update("""
						update launch_watch set notified_at = :now where launch_id = :launch and member_id in (:members)""",
						new MapSqlParameterSource("launch", launch.id()).addValue("members", reached)
							.addValue("now", Timestamp.from(now)));
				told += reached.size();
			}
		}
		return told;
	}

	// ------------------------------------------------------------------ freeing slots

	/**
	 * Ends a pending reservation: the hold is released, the slot given back and offered to the waitlist,
	 * all in the caller's transaction; Redis follows after the commit.
	 */
	private void free(Reservation reservation, ReservationState end, MemberId actor, String action) {
		Long hold = records.holdOf(reservation.id());
		if (hold != null) {
			holds.release(hold);
		}
		records.jdbc().update("""
				update launch_reservation set state = :state, settled_at = :now, settled_by = :by where id = :id""",
				new MapSqlParameterSource("id", reservation.id()).addValue("state", end.name())
					.addValue("now", Timestamp.from(clock.instant()))
					.addValue("by", actor == null ? null : actor.value()));
		records.jdbc().update("update launch set taken = taken - 1, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", reservation.launchId()).addValue("now", Timestamp.from(clock.instant())));
		records.audit(reservation.launchId(), reservation.id(), reservation.member(), actor, action, null);
		Reservation promoted = promote(reservation.launchId());
		List<MemberId> added = promoted == null ? List.of() : List.of(promoted.member());
		launches.afterCommit(() -> admission.adjust(reservation.launchId(), 0, List.of(reservation.member()), added));
	}

	/**
	 * Gives the freed slot to the first waiting member still eligible: their window open, no slot of
	 * theirs already, points enough for the price. Those passed over keep their place (their window or
	 * points may come); a member served leaves the list. Returns the new reservation, or null.
	 */
	private Reservation promote(long launchId) {
		Launch launch = records.get(launchId);
		if (launch.state() != LaunchState.OPEN || launch.slotsLeft() == 0) {
			return null;
		}
		List<Map<String, Object>> waiting = records.jdbc().queryForList("""
				select id, member_id from launch_waitlist where launch_id = :launch order by id limit :batch
				for update skip locked""", new MapSqlParameterSource("launch", launchId)
			.addValue("batch", properties.promotionBatch()));
		Instant now = clock.instant();
		for (Map<String, Object> entry : waiting) {
			MemberId member = new MemberId(((Number) entry.get("member_id")).longValue());
			long entryId = ((Number) entry.get("id")).longValue();
			if (records.active(launchId, member) != null) {
				records.jdbc().update("delete from launch_waitlist where id = :id", new MapSqlParameterSource("id", entryId));
				continue;
			}
			if (now.isBefore(launch.windowStartFor(reputation.level(member).number()))) {
				continue;
			}
			if (launch.pointsPrice() != null
					&& ledger.balance(member, Account.POINTS).available() < launch.pointsPrice()) {
				continue;
			}
			Reservation made = take(launchId, member, true);
			if (made == null) {
				return null;
			}
			records.jdbc().update("delete from launch_waitlist where id = :id", new MapSqlParameterSource("id", entryId));
			events.publishEvent(new ReservationPromoted(made.id(), launchId, launch.product(), member, made.expiresAt()));
			return made;
		}
		return null;
	}

	private Reservation lockReservation(long id) {
		records.jdbc().queryForList("select id from launch_reservation where id = :id for update",
				new MapSqlParameterSource("id", id));
		return records.reservation(id);
	}
}
