package com.forum.launch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.reputation.Reputation;
import com.forum.shared.NotFoundException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.ReadRouting;

import jakarta.annotation.PreDestroy;

/**
 * Launches as staff run them (create, edit before the first window, open, pause, resume, close, the
 * figures) and as members read them, and the upkeep of their admission keys in Redis: written whole
 * when a launch is created, changed with it, and rebuilt from PostgreSQL when lost.
 */
@Service
public class Launches {

	private static final Logger log = LoggerFactory.getLogger(Launches.class);

	private final LaunchRecords records;

	private final Admission admission;

	private final Reputation reputation;

	private final LaunchProperties properties;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate snapshot;

	private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(
			Thread.ofPlatform().name("launch-rebuild").daemon().factory());

	private final Set<Long> rebuildsDue = ConcurrentHashMap.newKeySet();

	/** Set when the application starts to close: a sweep of {@link #rebuildMissing} stops at the next launch. */
	private volatile boolean closing;

	Launches(LaunchRecords records, Admission admission, Reputation reputation, LaunchProperties properties,
			Clock clock, TransactionTemplate tx, ApplicationEventPublisher events) {
		this.records = records;
		this.events = events;
		this.admission = admission;
		this.reputation = reputation;
		this.properties = properties;
		this.clock = clock;
		this.snapshot = new TransactionTemplate(tx.getTransactionManager());
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * A node that is being stopped rebuilds no more keys: the close would otherwise wait for a whole sweep
	 * (half a second per launch Redis lost) before it could stop the scheduler. Another node, or this one's
	 * next start, rebuilds the rest, as after any Redis outage.
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		closing = true;
	}

	@PreDestroy
	void stop() {
		closing = true;
		rebuilds.shutdownNow();
	}

	// ------------------------------------------------------------------ staff

	@Transactional
	public Launch create(Actor staff, LaunchDraft draft) {
		requireStaff(staff);
		Instant now = clock.instant();
		Launch.check(draft, now, properties);
		Duration validity = draft.validity() == null ? properties.validity() : draft.validity();
		long id = records.jdbc().queryForObject("""
				insert into launch (product, slots, opens_at, points_price, validity_secs, state, created_by, created_at,
				                    updated_at)
				values (:product, :slots, :opens, :price, :validity, :state, :by, :now, :now) returning id""",
				new MapSqlParameterSource("product", draft.product().strip()).addValue("slots", draft.slots())
					.addValue("opens", Timestamp.from(draft.opensAt()))
					.addValue("price", draft.pointsPrice())
					.addValue("validity", validity.toSeconds())
					.addValue("state", (draft.draft() ? LaunchState.DRAFT : LaunchState.OPEN).name())
					.addValue("by", staff.id().value())
					.addValue("now", Timestamp.from(now)),
				Long.class);
		records.replaceWindows(id, draft.windows());
		long change = records.audit(id, null, null, staff.id(), "CREATED", draft.product().strip());
		Launch launch = records.get(id);
		events.publishEvent(new LaunchChanged(change, id, launch.product(), staff.id(), "created", now));
		afterCommit(() -> admission.load(launch, List.of()));
		return launch;
	}

	/** Changes what a launch offers, until its first window opens; slots never below what is taken. */
	@Transactional
	public Launch edit(Actor staff, long id, LaunchDraft draft) {
		requireStaff(staff);
		Launch before = records.lock(id);
		Instant now = clock.instant();
		Launch.check(draft, now, properties);
		before.checkEditable(now, draft.slots());
		records.jdbc().update("""
				update launch set product = :product, slots = :slots, opens_at = :opens, points_price = :price,
				                  validity_secs = :validity, updated_at = :now where id = :id""",
				new MapSqlParameterSource("id", id).addValue("product", draft.product().strip())
					.addValue("slots", draft.slots())
					.addValue("opens", Timestamp.from(draft.opensAt()))
					.addValue("price", draft.pointsPrice())
					.addValue("validity", (draft.validity() == null ? before.validity() : draft.validity()).toSeconds())
					.addValue("now", Timestamp.from(now)));
		records.replaceWindows(id, draft.windows());
		long change = records.audit(id, null, null, staff.id(), "EDITED", draft.product().strip());
		Launch after = records.get(id);
		events.publishEvent(new LaunchChanged(change, id, after.product(), staff.id(), "edited", now));
		afterCommit(() -> admission.configure(after, after.slots() - before.slots()));
		return after;
	}

	/** Opens a draft, pauses, resumes or closes; reservations already made stay. */
	@Transactional
	public Launch change(Actor staff, long id, LaunchAction action) {
		requireStaff(staff);
		Launch launch = records.lock(id);
		LaunchState next = launch.change(action);
		Instant now = clock.instant();
		records.jdbc().update("update launch set state = :state, updated_at = :now where id = :id",
				new MapSqlParameterSource("id", id).addValue("state", next.name()).addValue("now", Timestamp.from(now)));
		long change = records.audit(id, null, null, staff.id(), action.name(), null);
		Launch after = records.get(id);
		events.publishEvent(new LaunchChanged(change, id, after.product(), staff.id(), action.pastTense(), now));
		afterCommit(() -> admission.configure(after, 0));
		return after;
	}

	@Transactional(readOnly = true)
	public LaunchFigures figures(Actor staff, long id) {
		requireStaff(staff);
		Launch launch = records.get(id);
		var counts = records.jdbc().queryForMap("""
				select count(*) filter (where state = 'PENDING') as pending,
				       count(*) filter (where state = 'CONFIRMED') as confirmed,
				       (select count(*) from launch_waitlist where launch_id = :id) as waitlist
				from launch_reservation where launch_id = :id""", new MapSqlParameterSource("id", id));
		Long stock = null;
		Admission.Traffic traffic = new Admission.Traffic(0, java.util.Map.of());
		try {
			Admission.Counters counters = admission.counters(id);
			stock = counters == null ? null : counters.stock();
			traffic = admission.traffic(id, clock.instant(), 60);
		}
		catch (DataAccessException unavailable) {
			log.warn("Launch {} figures without Redis: {}", id, unavailable.toString());
		}
		return new LaunchFigures(id, launch.slots(), launch.taken(), ((Number) counts.get("pending")).intValue(),
				((Number) counts.get("confirmed")).intValue(), ((Number) counts.get("waitlist")).intValue(), stock,
				traffic.attempts() / 60.0, traffic.byReason());
	}

	// ------------------------------------------------------------------ everyone

	/** Launches newest opening first: published ones, and drafts too for staff. */
	@Transactional(readOnly = true)
	public List<Launch> list(boolean staff) {
		return records.launches(staff ? "" : "where l.state <> 'DRAFT'", new MapSqlParameterSource());
	}

	/** A launch; a draft only for staff, else it is not found. */
	@Transactional(readOnly = true)
	public Launch get(long id, boolean staff) {
		Launch launch = records.find(id);
		if (launch == null || !launch.published() && !staff) {
			throw new NotFoundException("launch", id);
		}
		return launch;
	}

	/** How the member stands towards the launch: their window, whether they may reserve, their slot. */
	@Transactional(readOnly = true)
	public MemberStanding standing(Launch launch, MemberId member) {
		int level = reputation.level(member).number();
		PriorityWindow window = launch.windowFor(level);
		Instant start = launch.windowStartFor(level);
		Reservation mine = records.active(launch.id(), member);
		Integer position = records.jdbc().query("""
				select (select count(*) from launch_waitlist o where o.launch_id = w.launch_id and o.id <= w.id)
				from launch_waitlist w where w.launch_id = :launch and w.member_id = :member""",
				new MapSqlParameterSource("launch", launch.id()).addValue("member", member.value()),
				(rs, row) -> rs.getInt(1)).stream().findFirst().orElse(null);
		boolean watching = Boolean.TRUE.equals(records.jdbc().queryForObject(
				"select exists (select 1 from launch_watch where launch_id = :launch and member_id = :member)",
				new MapSqlParameterSource("launch", launch.id()).addValue("member", member.value()), Boolean.class));
		MemberStanding.Eligibility eligibility;
		if (mine != null) {
			eligibility = MemberStanding.Eligibility.RESERVED;
		}
		else if (launch.state() == LaunchState.CLOSED || launch.state() == LaunchState.DRAFT) {
			eligibility = MemberStanding.Eligibility.CLOSED;
		}
		else if (launch.state() == LaunchState.PAUSED) {
			eligibility = MemberStanding.Eligibility.PAUSED;
		}
		else if (clock.instant().isBefore(start)) {
			eligibility = MemberStanding.Eligibility.NOT_YET;
		}
		else if (launch.slotsLeft() == 0) {
			eligibility = MemberStanding.Eligibility.SOLD_OUT;
		}
		else {
			eligibility = MemberStanding.Eligibility.OPEN;
		}
		return new MemberStanding(level, window == null ? 0 : window.minLevel(), start, eligibility, mine, position,
				watching);
	}

	// ------------------------------------------------------------------ admission keys

	/**
	 * Writes the launch's admission keys again from PostgreSQL, unless another node is at it. Attempts
	 * admitted before the keys were lost are given a moment to reach PostgreSQL first, and the figures
	 * are read in one snapshot, so the stock written is what the slots leave after them.
	 *
	 * @return whether this call rebuilt them
	 */
	public boolean rebuild(long id) {
		String lock = admission.lock(id, Duration.ofSeconds(30).plus(properties.rebuildSettle()));
		if (lock == null) {
			return false;
		}
		try {
			if (!properties.rebuildSettle().isZero()) {
				Thread.sleep(properties.rebuildSettle());
			}
			// from the primary: a replica a moment behind would hand Redis a stock that forgets the latest
			// reservations
			try (ReadRouting.Pin primary = ReadRouting.pinToPrimary()) {
				snapshot.executeWithoutResult(status -> {
					Launch launch = records.get(id);
					List<MemberId> holders = records.holders(id);
					admission.load(new Launch(launch.id(), launch.product(), launch.slots(), holders.size(),
							launch.opensAt(), launch.windows(), launch.pointsPrice(), launch.validity(), launch.state(),
							launch.createdAt()), holders);
				});
			}
			log.info("Rebuilt the admission keys of launch {} from the database", id);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			admission.unlock(id, lock);
		}
	}

	/** Asks for a rebuild in the background (once, however many attempts find the keys gone). */
	void rebuildSoon(long id) {
		if (rebuildsDue.add(id)) {
			rebuilds.execute(() -> {
				try {
					rebuild(id);
				}
				catch (RuntimeException ex) {
					log.warn("Rebuilding the admission keys of launch {} failed: {}", id, ex.toString());
				}
				finally {
					rebuildsDue.remove(id);
				}
			});
		}
	}

	/** Rebuilds the keys of every launch still selling (not closed) that Redis lost; returns how many. */
	public int rebuildMissing() {
		int rebuilt = 0;
		for (long id : records.jdbc().queryForList("select id from launch where state <> 'CLOSED'",
				new MapSqlParameterSource(), Long.class)) {
			if (closing) {
				break;
			}
			if (!admission.loaded(id) && rebuild(id)) {
				rebuilt++;
			}
		}
		return rebuilt;
	}

	/** Runs the Redis change after the transaction commits; if Redis fails then, the keys are rebuilt. */
	void afterCommit(Runnable redisChange) {
		Runnable guarded = () -> {
			try {
				redisChange.run();
			}
			catch (DataAccessException unavailable) {
				log.warn("Launch keys not updated in Redis ({}); they will be checked against the database",
						unavailable.toString());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					guarded.run();
				}
			});
		}
		else {
			guarded.run();
		}
	}

	static void requireStaff(Actor actor) {
		if (!actor.isStaff()) {
			throw new PermissionDeniedException("launch-staff", "Only employees and admins run launches.");
		}
	}
}
