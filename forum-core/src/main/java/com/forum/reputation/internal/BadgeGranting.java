package com.forum.reputation.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.forum.points.LedgerPosted;
import com.forum.reputation.BadgeProperties;
import com.forum.reputation.Badges;
import com.forum.shared.ClusterJobs;

/**
 * Grants badges as the ledger moves, and sweeps every member against every badge when the application
 * starts and every so often after: that grants a badge added to the configuration to the members who
 * already qualify, and one reached through entries that announced nothing. Both are safe to repeat,
 * on any number of nodes.
 */
@Component
class BadgeGranting implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(BadgeGranting.class);

	private final Badges badges;

	private final BadgeProperties properties;

	private final ClusterJobs jobs;

	BadgeGranting(Badges badges, BadgeProperties properties, ClusterJobs jobs) {
		this.jobs = jobs;
		this.badges = badges;
		this.properties = properties;
	}

	/**
	 * Only postings that may reach a badge are delivered: the condition keeps every other one out of
	 * the event publication registry, which spares a publication and a delivery for each of them.
	 */
	@ApplicationModuleListener(condition = "@badges.mayBeReachedBy(#event)")
	void on(LedgerPosted event) {
		badges.grantAfterPosting(event);
	}

	/** The first sweep runs as soon as the scheduler starts, then after each interval. */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(jobs.every("badge-sweep", properties.sweepInterval(), this::sweep), properties.sweepInterval());
	}

	void sweep() {
		try {
			int granted = badges.grantToEveryoneQualified();
			if (granted > 0) {
				log.info("Granted {} badges to members who had reached them", granted);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not sweep the badges: {}", ex.toString());
		}
	}
}
