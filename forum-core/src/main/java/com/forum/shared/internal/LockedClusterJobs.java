package com.forum.shared.internal;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import com.forum.shared.ClusterJobs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cluster's job locks are ShedLock's rows in PostgreSQL (table {@code shedlock}), which every node
 * already reaches; their times are the database's, so the nodes' clocks do not decide who runs.
 */
@Component
@EnableConfigurationProperties(ClusterJobProperties.class)
class LockedClusterJobs implements ClusterJobs {

	/** The share of the period a run holds the lock: less than all, so the next run is never skipped on the node that ran. */
	private static final double HELD_SHARE = 0.9;

	private final LockingTaskExecutor executor;

	private final ClusterJobProperties properties;

	LockedClusterJobs(DataSource dataSource, ClusterJobProperties properties) {
		this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
			.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()));
		this.properties = properties;
	}

	@Override
	public Runnable every(String name, Duration period, Runnable job) {
		Duration hold = Duration.ofMillis((long) (period.toMillis() * HELD_SHARE));
		return locked(name, hold, job);
	}

	@Override
	public Runnable atSetTimes(String name, Runnable job) {
		return locked(name, properties.setTimeHold(), job);
	}

	private Runnable locked(String name, Duration hold, Runnable job) {
		Duration atMost = hold.compareTo(properties.lockAtMostFor()) > 0 ? hold : properties.lockAtMostFor();
		return () -> executor.executeWithLock(job, new LockConfiguration(Instant.now(), name, atMost, hold));
	}
}
