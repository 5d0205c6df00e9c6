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
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.MemberId;

/**
 * Proves the launches' one promise: pending plus confirmed reservations never exceed the slots, the
 * stored count of what is taken is that sum, and Redis agrees with PostgreSQL on the slots left and on
 * who holds one. The job runs it on a schedule and logs what disagrees; {@code ./forum check-launches}
 * prints it.
 */
@Service
public class LaunchReconciliation {

	private static final Logger log = LoggerFactory.getLogger(LaunchReconciliation.class);

	private final LaunchRecords records;

	private final Admission admission;

	LaunchReconciliation(LaunchRecords records, Admission admission) {
		this.records = records;
		this.admission = admission;
	}

	/** Checks every launch (closed ones too: their reservations still count against their slots). */
	@Transactional(readOnly = true)
	public List<LaunchCheck> check() {
		List<LaunchCheck> checks = new ArrayList<>();
		for (Launch launch : records.launches("", new MapSqlParameterSource())) {
			checks.add(check(launch));
		}
		return checks;
	}

	private LaunchCheck check(Launch launch) {
		Map<String, Object> counts = records.jdbc().queryForMap("""
				select count(*) filter (where state = 'PENDING') as pending,
				       count(*) filter (where state = 'CONFIRMED') as confirmed
				from launch_reservation where launch_id = :id""", new MapSqlParameterSource("id", launch.id()));
		int pending = ((Number) counts.get("pending")).intValue();
		int confirmed = ((Number) counts.get("confirmed")).intValue();
		List<String> problems = new ArrayList<>();
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
				}
				Set<MemberId> active = new HashSet<>(records.holders(launch.id()));
				if (!active.equals(counters.holders())) {
					Set<MemberId> onlyRedis = new HashSet<>(counters.holders());
					onlyRedis.removeAll(active);
					active.removeAll(counters.holders());
					problems.add("holders differ: %d only in Redis, %d only in PostgreSQL".formatted(onlyRedis.size(),
							active.size()));
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
				confirmed, stock, holders, problems);
	}

	/** The scheduled run: logs each launch that disagrees. */
	public List<LaunchCheck> reconcile() {
		List<LaunchCheck> checks = check();
		for (LaunchCheck c : checks) {
			if (c.violated()) {
				log.warn("Launch {} ({}) disagrees: {}", c.launchId(), c.product(), c.problems());
			}
		}
		return checks;
	}
}
