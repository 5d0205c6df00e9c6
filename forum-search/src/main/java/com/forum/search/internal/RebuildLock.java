package com.forum.search.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Lets one rebuild of an index run at a time across every app node and {@code ./forum reindex}: a
 * PostgreSQL advisory lock, held by a connection kept for the rebuild's whole length. A process that
 * dies releases it with its connection, so whoever takes the lock next knows that a rebuild alias or
 * index still lying around was left by a crash, not by a rebuild that is still running.
 */
@Component
class RebuildLock {

	private final DataSource dataSource;

	RebuildLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Waits until no other rebuild of this index runs. */
	Held acquire(String alias) throws SQLException {
		return tryAcquire(alias, true).orElseThrow();
	}

	/** Empty when another rebuild of this index is running. */
	Optional<Held> tryAcquire(String alias) throws SQLException {
		return tryAcquire(alias, false);
	}

	private Optional<Held> tryAcquire(String alias, boolean wait) throws SQLException {
		String key = "search-rebuild:" + alias;
		Connection connection = dataSource.getConnection();
		try {
			boolean acquired;
			try (PreparedStatement lock = connection.prepareStatement(wait
					? "select true from pg_advisory_lock(hashtextextended(?, 0))"
					: "select pg_try_advisory_lock(hashtextextended(?, 0))")) {
				lock.setString(1, key);
				try (ResultSet rs = lock.executeQuery()) {
					acquired = rs.next() && rs.getBoolean(1);
				}
			}
			if (!acquired) {
				connection.close();
				return Optional.empty();
			}
			return Optional.of(new Held(connection, key));
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/** The lock, released on close. */
	static final class Held implements AutoCloseable {

		private final Connection connection;

		private final String key;

		private Held(Connection connection, String key) {
			this.connection = connection;
			this.key = key;
		}

		@Override
		public void close() throws SQLException {
			// unlocked explicitly: closing only hands the connection, and a session lock with it, back to the pool
			try (connection; PreparedStatement unlock = connection
				.prepareStatement("select pg_advisory_unlock(hashtextextended(?, 0))")) {
				unlock.setString(1, key);
				unlock.execute();
			}
		}
	}
}
