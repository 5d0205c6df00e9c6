package com.forum.launch.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import com.forum.launch.LaunchProperties;
import com.forum.launch.LaunchReconciliation;
import com.forum.launch.Launches;
import com.forum.launch.Reservations;
import com.forum.shared.ClusterJobs;
import com.forum.shared.RedisReconnected;

/**
 * The launches' schedule: expiring reservations and reminding their members, telling watchers their
 * window opened, rebuilding admission keys Redis lost, and the reconciliation, which also runs when
 * the node's connection to Redis comes back. Each run is safe to repeat and to run on several nodes (row
 * locks, once-only marks, the rebuild lock).
 */
@Component
class LaunchJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LaunchJobs.class);

	private final Launches launches;

	private final Reservations reservations;

	private final LaunchReconciliation reconciliation;

	private final LaunchProperties properties;

	private final ClusterJobs jobs;

	private final AtomicBoolean reconcilingAfterReconnect = new AtomicBoolean();

	LaunchJobs(Launches launches, Reservations reservations, LaunchReconciliation reconciliation,
			LaunchProperties properties,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.launches = launches;
		this.reservations = reservations;
		this.reconciliation = reconciliation;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(jobs.every("launch-reservation-upkeep", properties.jobInterval(),
				() -> guarded("reservation upkeep", () -> {
					reservations.expireDue();
					reservations.remindDue();
					reservations.announceWindows();
				})), properties.jobInterval());
		// on every node: a sale waits on it after Redis lost its keys, so no node may wait out another's
		// lock, and the rebuild itself takes a lease in Redis
		tasks.addFixedDelayTask(() -> guarded("admission keys check", launches::rebuildMissing),
				properties.redisCheckInterval());
		tasks.addFixedDelayTask(jobs.every("launch-reconciliation", properties.reconciliationInterval(),
				() -> guarded("launch reconciliation", reconciliation::reconcile)), properties.reconciliationInterval());
	}

	/**
	 * Redis may have come back without writes it acknowledged (a promoted replica), so the launches are
	 * reconciled at once rather than at the next scheduled run: a lost admission would otherwise leave a
	 * slot that PostgreSQL refuses each time Redis admits someone to it. Off the thread that announced
	 * the reconnection, and one run at a time however often the connection flaps.
	 */
	@EventListener
	void onRedisReconnected(RedisReconnected reconnected) {
		if (reconcilingAfterReconnect.compareAndSet(false, true)) {
			Thread.ofVirtual().name("launch-reconciliation-after-reconnect").start(() -> {
				try {
					guarded("launch reconciliation after Redis came back", reconciliation::reconcile);
				}
				finally {
					reconcilingAfterReconnect.set(false);
				}
			});
		}
	}

	/** A failed run (Redis or the database away) is logged and tried again at the next one. */
	private static void guarded(String job, Runnable run) {
		try {
			run.run();
		}
		catch (RuntimeException ex) {
			log.warn("Launch job '{}' failed: {}", job, ex.toString());
		}
	}
}
