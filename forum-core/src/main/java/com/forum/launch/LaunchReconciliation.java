package com.forum.launch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.shared.ReadRouting;

/**
 * Proves the launches' one promise: pending plus confirmed reservations never exceed the slots, the
 * stored count of what is taken is that sum, and Redis agrees with PostgreSQL on the slots left and on
 * who holds one. The job runs it on a schedule, logs what disagrees and rebuilds from PostgreSQL the
 * admission keys of a launch Redis still disagrees on a moment later (see {@link #reconcile()});
 * {@code ./forum check-launches} prints it.
 */
@Service
public class LaunchReconciliation {

	private static final Logger log = LoggerFactory.getLogger(LaunchReconciliation.class);

	private final LaunchRecords records;

	private final Admission admission;

	private final Launches launches;

	private final LaunchProperties properties;

	private final TransactionTemplate snapshot;

	LaunchReconciliation(LaunchRecords records, Admission admission, Launches launches, LaunchProperties properties,
			PlatformTransactionManager transactions) {
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
		this.records = records;
		this.admission = admission;
		this.launches = launches;
		this.properties = properties;
	}

	/**
	 * Checks every launch (closed ones too: their reservations still count against their slots), all read
	 * in one snapshot of the primary: the figures must agree with each other, and with Redis, which a
	 * replica a moment behind would not.
	 */
	public List<LaunchCheck> check() {
		try (ReadRouting.Pin primary = ReadRouting.pinToPrimary()) {
			return snapshot.execute(status -> {
				List<LaunchCheck> checks = new ArrayList<>();
				for (Launch launch : records.launches("", new MapSqlParameterSource())) {
					checks.add(check(launch));
				}
				return checks;
			});
		}
	}

	private LaunchCheck check(Launch launch) {
		Map<String, Object> counts = records.jdbc().queryForMap("""
				select count(*) filter (where state = 'PENDING') as pending,
				       count(*) filter (where state = 'CONFIRMED') as confirmed
				from launch_reservation where launch_id = :id""", new MapSqlParameterSource("id", launch.id()));
		int pending = ((Number) counts.get("pending")).intValue();
		int confirmed = ((Number) counts.get("confirmed")).intValue();
		List<String> problems = new ArrayList<>();
		boolean redisDisagrees = false;
		if (pending + confirmed > launch.slots()) {
			problems.add("OVERSOLD: %d pending + %d confirmed > %d slots".formatted(pending, confirmed, launch.slots()));
		}
		if (launch.taken() != pending + confirmed) {
			problems.add("taken is %d, but %d reservations are active".formatted(launch.taken(), pending + confirmed));
		}
		Long stock = null;
		Integer holders = null;
		try {
			Admission.Counters counters = admission.counters(launch.id());
			if (counters != null) {
				stock = counters.stock();
				holders = counters.holders().size();
				long expected = launch.slots() - pending - confirmed;
				if (stock == null || stock != expected) {
					problems.add("Redis has %s slots left, PostgreSQL %d".formatted(stock, expected));
					redisDisagrees = true;
				}
				Set<MemberId> active = new HashSet<>(records.holders(launch.id()));
				if (!active.equals(counters.holders())) {
					Set<MemberId> onlyRedis = new HashSet<>(counters.holders());
					onlyRedis.removeAll(active);
					active.removeAll(counters.holders());
					problems.add("holders differ: %d only in Redis, %d only in PostgreSQL".formatted(onlyRedis.size(),
							active.size()));
					redisDisagrees = true;
				}
			}
			else if (launch.state() != LaunchState.CLOSED) {
				problems.add("Redis has no admission keys for this launch (rebuilt on the next check)");
			}
		}
		catch (DataAccessException unavailable) {
			problems.add("Redis unavailable: " + unavailable.getMessage());
		}
		return new LaunchCheck(launch.id(), launch.product(), launch.state(), launch.slots(), launch.taken(), pending,
				confirmed, stock, holders, problems, redisDisagrees);
	}

	/**
	 * The scheduled run: logs each launch that disagrees, and rebuilds the admission keys of a launch
	 * still selling whose Redis disagrees with PostgreSQL twice, {@code forum.launch.rebuild-settle}
	 * apart. Attempts in flight make the two differ for a moment (Redis admitted, PostgreSQL not yet
	 * committed); a difference that stays is Redis having lost writes, as when Sentinel promotes a replica
	 * that asynchronous replication left behind. Without the rebuild, such a launch would keep a slot
	 * PostgreSQL refuses every time it is admitted, or a member Redis no longer counts. A rebuild while
	 * attempts are in flight is safe: each attempt confirms or settles against the keys' generation.
	 */
	public List<LaunchCheck> reconcile() {
		List<LaunchCheck> checks = check();
		List<Long> suspects = new ArrayList<>();
		for (LaunchCheck c : checks) {
			if (c.violated()) {
				log.warn("Launch {} ({}) disagrees: {}", c.launchId(), c.product(), c.problems());
			}
			if (c.redisDisagrees() && c.state() != LaunchState.CLOSED) {
				suspects.add(c.launchId());
			}
		}
		if (!suspects.isEmpty()) {
			rebuildWhereRedisStillDisagrees(suspects);
		}
		return checks;
	}

	private void rebuildWhereRedisStillDisagrees(List<Long> suspects) {
		try {
			Thread.sleep(properties.rebuildSettle());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		for (LaunchCheck again : check()) {
			if (suspects.contains(again.launchId()) && again.redisDisagrees() && launches.rebuild(again.launchId())) {
				log.warn("Launch {} ({}): Redis still disagreed with PostgreSQL after {} ({}); its admission keys were "
						+ "rebuilt from the database", again.launchId(), again.product(), properties.rebuildSettle(),
						again.problems());
			}
		}
	}
}
