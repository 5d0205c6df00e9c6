package com.forum.petition;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps a petition's status still while a write that the status allows commits (a vote, votes
 * moving onto an original), and makes a status change wait for such writes. It is a readers-writer
 * lock per petition, held until the transaction ends: any number of such writes proceed together; a
 * status change waits for those in flight, and the ones arriving after it wait behind it and then
 * see the new status.
 * <p>
 * PostgreSQL advisory locks rather than row locks, because they queue in order: a row share lock is
 * granted to a newcomer even while an update waits for the row, so a steady stream of votes could
 * keep a merge waiting for as long as the stream lasts.
 */
@Component
class PetitionStatusLock {

	/** The first half of the lock key, so that these locks share no key with other advisory locks. */
	private static final int PETITION_STATUS = 0x70657469;

	private final NamedParameterJdbcTemplate jdbc;

	PetitionStatusLock(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Until the transaction ends, the petition's status cannot change; others may hold it too. */
	void holdStatus(PetitionId id) {
		jdbc.query("select pg_advisory_xact_lock_shared(:space, :petition)", key(id), rs -> null);
	}

	/** Until the transaction ends, nobody else changes the status or writes what it allows. */
	void holdForStatusChange(PetitionId id) {
		jdbc.query("select pg_advisory_xact_lock(:space, :petition)", key(id), rs -> null);
	}

	private static MapSqlParameterSource key(PetitionId id) {
		// ids past the int range fold onto others: they would only share a lock, never miss one
		return new MapSqlParameterSource("space", PETITION_STATUS).addValue("petition", Long.hashCode(id.value()));
	}
}
