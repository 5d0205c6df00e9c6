package com.forum.leaderboard.internal;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.forum.leaderboard.LeaderboardProperties;
import com.forum.leaderboard.Leaderboards;
import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.LedgerPosted;
import com.forum.shared.ClusterJobs;

/**
 * Keeps the leaderboards in step with the ledger: each entry sets its member's scores from the
 * ledger's totals (a failure, Redis being away, leaves the event to be delivered again), and a
 * periodic check on every node rebuilds a current board that Redis has lost or not yet built.
 */
@Component
class LeaderboardKeeping implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LeaderboardKeeping.class);

	private final Leaderboards leaderboards;

	private final LeaderboardProperties properties;

	private final ClusterJobs jobs;

	LeaderboardKeeping(Leaderboards leaderboards, LeaderboardProperties properties, ClusterJobs jobs) {
		this.jobs = jobs;
		this.leaderboards = leaderboards;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(LedgerPosted event) {
		Map<Account, Set<MemberId>> members = new EnumMap<>(Account.class);
		event.entries()
			.forEach(entry -> members.computeIfAbsent(entry.account(), account -> new LinkedHashSet<>())
				.add(entry.memberId()));
		members.forEach((account, posted) -> leaderboards.refresh(posted, account, event.at()));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(jobs.every("leaderboard-check", properties.checkInterval(), this::check),
				properties.checkInterval());
	}

	void check() {
		try {
			int rebuilt = leaderboards.rebuildMissing();
			if (rebuilt > 0) {
				log.info("Rebuilt {} leaderboards from the ledger", rebuilt);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not check the leaderboards: {}", ex.toString());
		}
	}
}
