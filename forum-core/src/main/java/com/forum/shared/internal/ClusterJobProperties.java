package com.forum.shared.internal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the cluster-wide jobs share their runs.
 *
 * @param lockAtMostFor how long a run's lock outlives a node that died during the run before another
 * node may run the job; longer than any run takes
 * @param setTimeHold how long a job run at set times keeps its lock after it started: longer than the
 * nodes' clocks differ, shorter than the time between two set times
 */
@Validated
@ConfigurationProperties("forum.cluster.jobs")
record ClusterJobProperties(@DefaultValue("10m") @NotNull Duration lockAtMostFor,
		@DefaultValue("1m") @NotNull Duration setTimeHold) {
}
