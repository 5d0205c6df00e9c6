package com.forum.shared;

import java.time.Duration;

/**
 * Jobs that must run once per period across all nodes, not once on each: sweeps, reconciliations,
 * digests, expiries. A run first takes the job's lock in the database; a node that finds it taken skips
 * that run. Work kept in one node's memory (buffers it flushes, its own caches) is not such a job and is
 * scheduled directly.
 */
public interface ClusterJobs {

	/**
	 * A job scheduled every {@code period} on each node: the lock is held for most of the period after a
	 * run starts, so the other nodes' timers in the same period skip it.
	 */
	Runnable every(String name, Duration period, Runnable job);

	/**
	 * A job scheduled at set times (cron) on each node: every node fires at the same moment, the first
	 * takes the run and keeps the lock a while after it, so a node whose clock lags a little skips too.
	 */
	Runnable atSetTimes(String name, Runnable job);
}
