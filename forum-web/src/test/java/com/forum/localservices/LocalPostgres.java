package com.forum.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the zonky binaries. As root, zonky itself wraps initdb/pg_ctl in {@code unshare -U}
 * (PostgreSQL refuses to run as root); as a normal user it runs them directly.
 */
final class LocalPostgres {

	static final String DATABASE = "forum";

	static final String USER = "forum";

	static final String PASSWORD = "forum";

	/**
	 * A role that may only read the forum's tables: the tests' and the local run's "read replica" is the
	 * same server reached as this role, so every read-only transaction proves it writes nothing.
	 */
	static final String READER = "forum_reader";

	static final String READER_PASSWORD = "forum_reader";

	private final EmbeddedPostgres postgres;

	private final Path dataDir;

	private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
		this.postgres = postgres;
		this.dataDir = dataDir;
	}

	/**
	 * Starts PostgreSQL; {@code pg_ctl start -w} returns once the server accepts connections. With
	 * {@code persistent}, an existing cluster in {@code dataDir} is reused as is.
	 */
	static LocalPostgres start(Path dataDir, int port, boolean persistent, Path logFile) throws IOException {
		Files.createDirectories(dataDir);
		ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(!persistent)
			.setPort(port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			// zonky turns durability off for tests; keep it for data that should survive a crash
			.setServerConfig("synchronous_commit", persistent ? "on" : "off")
			.setServerConfig("fsync", persistent ? "on" : "off")
			.setRegisterShutdownHook(false) // LocalServices stops it, after the application context closed
			.setPGStartupWait(Duration.ofSeconds(60))
			.setOutputRedirector(log)
			.setErrorRedirector(log)
			.start();
		LocalPostgres local = new LocalPostgres(postgres, dataDir);
		try {
			local.createDatabase();
		}
		catch (SQLException | RuntimeException ex) {
			local.stop();
			throw new IllegalStateException("PostgreSQL started but the '" + DATABASE + "' database could not be created",
					ex);
		}
		return local;
	}

	/** Idempotent: creates the application role and database the first time. */
	private void createDatabase() throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", USER)) {
				statement.execute("create role " + USER + " login password '" + PASSWORD + "'");
			}
			if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
				statement.execute("create database " + DATABASE + " owner " + USER);
			}
			if (!exists(connection, "select 1 from pg_roles where rolname = ?", READER)) {
				statement.execute("create role " + READER + " login password '" + READER_PASSWORD + "'");
			}
		}
		try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
				Statement statement = connection.createStatement()) {
			// the tables Flyway creates later as well as the ones a kept database has already
			statement.execute("alter default privileges for role " + USER + " in schema public grant select on tables to "
					+ READER);
			statement.execute("alter default privileges for role " + USER
					+ " in schema public grant select on sequences to " + READER);
			statement.execute("grant select on all tables in schema public to " + READER);
			statement.execute("grant select on all sequences in schema public to " + READER);
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	/** The postmaster's pid, from the first line of postmaster.pid. */
	OptionalInt pid() {
		return LocalProcesses.readNumber(dataDir.resolve("postmaster.pid"));
	}

	int port() {
		return postgres.getPort();
	}

	/** {@code pg_ctl stop -m fast}. */
	void stop() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String jdbcUrl(int port) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
	}
}
