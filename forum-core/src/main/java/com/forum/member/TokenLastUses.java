package com.forum.member;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * When each bearer token was last used, written in batches rather than by the request that used it. In a
 * flash sale thousands of programs arrive with tokens this node has not resolved yet, and an update per
 * token on the request path doubled what PostgreSQL cost a refused attempt; here one statement every
 * {@code forum.members.token-last-use-flush} writes all of them. The time is shown to members to the
 * minute, so a node that dies loses at most that interval of it, which nobody relies on.
 */
@Component
class TokenLastUses implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(TokenLastUses.class);

	private final JdbcTemplate jdbc;

	private final MemberProperties properties;

	/** Token hash to the latest use not written yet. */
	private final Map<String, Instant> pending = new ConcurrentHashMap<>();

	TokenLastUses(JdbcTemplate jdbc, MemberProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	void used(String tokenHash, Instant at) {
		pending.merge(tokenHash, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::flushQuietly, properties.tokenLastUseFlush());
	}

	/** Writes every use recorded so far; a use recorded meanwhile waits for the next flush. */
	synchronized void flush() {
		if (pending.isEmpty()) {
			return;
		}
		List<String> hashes = new ArrayList<>();
		List<Timestamp> times = new ArrayList<>();
		for (String hash : List.copyOf(pending.keySet())) {
			Instant at = pending.remove(hash);
			if (at != null) {
				hashes.add(hash);
				times.add(Timestamp.from(at));
			}
		}
		try {
			// never moves a time backwards: another node may have written a later use of the same token
			jdbc.update("""
					update access_token t set last_used_at = greatest(t.last_used_at, u.at)
					from unnest(?::text[], ?::timestamptz[]) as u(hash, at) where t.token_hash = u.hash""",
					hashes.toArray(String[]::new), times.toArray(Timestamp[]::new));
		}
		catch (RuntimeException ex) {
			// kept for the next flush rather than lost, unless a later use replaced it meanwhile
			for (int i = 0; i < hashes.size(); i++) {
				used(hashes.get(i), times.get(i).toInstant());
			}
			throw ex;
		}
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			log.warn("Could not write when tokens were last used; trying again later: {}", ex.getMessage());
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flushQuietly();
	}
}
