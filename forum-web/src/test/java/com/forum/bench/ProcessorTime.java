package com.forum.bench;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Processor time used by this JVM and by the PostgreSQL server processes serving it (its connections
 * and background workers, found through {@code pg_stat_activity}; PostgreSQL runs detached from the
 * JVM, as another user). On a machine shared with other work a wall-clock rate falls with the load,
 * while the processor time a piece of work costs does not.
 *
 * @param database processor time of each PostgreSQL process, by pid
 */
public record ProcessorTime(Duration application, Map<Long, Duration> database) {

	public static ProcessorTime now(JdbcTemplate jdbc) {
		Map<Long, Duration> database = jdbc.queryForList("select pid from pg_stat_activity", Long.class)
			.stream()
			.flatMap(pid -> ProcessHandle.of(pid).stream())
			.collect(Collectors.toMap(ProcessHandle::pid,
					p -> p.info().totalCpuDuration().orElse(Duration.ZERO)));
		return new ProcessorTime(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO), database);
	}

	/**
	 * What was used between this snapshot and now. A PostgreSQL process that started meanwhile counts
	 * whole; one that ended meanwhile is lost (the pool keeps its connections, so these are rare workers).
	 */
	public Used until(JdbcTemplate jdbc) {
		ProcessorTime now = now(jdbc);
		Duration database = now.database.entrySet()
			.stream()
			.map(e -> e.getValue().minus(this.database.getOrDefault(e.getKey(), Duration.ZERO)))
			.reduce(Duration.ZERO, Duration::plus);
		return new Used(now.application.minus(application), database);
	}

	public record Used(Duration application, Duration database) {

		public Duration total() {
			return application.plus(database);
		}
	}
}
