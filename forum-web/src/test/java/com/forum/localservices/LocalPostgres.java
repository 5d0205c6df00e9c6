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
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

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

	/**
	 * A hot standby of {@code primary} streaming from it through the physical replication slot
	 * {@code slot}, in {@code dataDir} on {@code port}. The first time, its data directory is a base backup
	 * taken online (the zonky binaries have no pg_basebackup): the slot is created first, so the primary
	 * keeps every WAL segment from the backup's start until the standby has streamed it; the files are
	 * copied between {@code pg_backup_start} and {@code pg_backup_stop}, whose label goes into the copy as
	 * {@code backup_label}. Later starts reuse the standby's directory and carry on streaming.
	 */
	static LocalPostgres startReplicaOf(LocalPostgres primary, String slot, Path dataDir, int port, Path logFile)
			throws IOException {
		if (!Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
			try {
				primary.baseBackup(slot, dataDir);
			}
			catch (SQLException ex) {
				LocalProcesses.deleteRecursively(dataDir);
				throw new IllegalStateException("Could not take a base backup of the primary for the replica", ex);
			}
		}
		else {
			// zonky locks this file for as long as the JVM that started the server keeps its handle, which a
			// standby stopped and started by another process (./forum cluster-proof) outlives; the server
			// itself guards its directory with postmaster.pid
			Files.deleteIfExists(dataDir.resolve("epg-lock"));
		}
		ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("hot_standby", "on")
			// reads on the standby may run while it replays: tell the primary what they still see, so that
			// its vacuum does not remove rows from under them (which would cancel them)
			.setServerConfig("hot_standby_feedback", "on")
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.setOutputRedirector(log)
			.setErrorRedirector(log)
			.start();
		return new LocalPostgres(postgres, dataDir);
	}

	private void baseBackup(String slot, Path target) throws SQLException, IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			if (!exists(connection, "select 1 from pg_replication_slots where slot_name = ?", slot)) {
				statement.execute("select pg_create_physical_replication_slot('" + slot + "', true)");
			}
			statement.execute("select pg_backup_start('" + slot + "', true)");
			copyDataDirectory(target);
			try (ResultSet stop = statement.executeQuery("select labelfile from pg_backup_stop(true)")) {
				stop.next();
				Files.writeString(target.resolve("backup_label"), stop.getString(1));
			}
		}
		Files.writeString(target.resolve("standby.signal"), "");
		Files.writeString(target.resolve("postgresql.auto.conf"), """
				primary_conninfo = 'host=127.0.0.1 port=%d user=postgres application_name=%s'
				primary_slot_name = '%s'
				""".formatted(port(), slot, slot), StandardOpenOption.APPEND, StandardOpenOption.CREATE);
	}

	/**
	 * The primary's files, as they are while it runs, without what belongs to the running server (its pid
	 * file, zonky's lock), the WAL (streamed through the slot) and the primary's own slots.
	 */
	private void copyDataDirectory(Path target) throws IOException {
		Files.createDirectories(target);
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
		Set<String> skipped = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "tablespace_map");
		Set<String> emptied = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_notify", "pg_snapshots");
		try (Stream<Path> walk = Files.walk(dataDir)) {
			for (Path source : (Iterable<Path>) walk::iterator) {
				Path relative = dataDir.relativize(source);
				if (relative.getNameCount() > 1 && emptied.contains(relative.getName(0).toString())
						|| skipped.contains(relative.toString())) {
					continue;
				}
				Path dest = target.resolve(relative.toString());
				try {
					if (Files.isDirectory(source)) {
						Files.createDirectories(dest);
					}
					else {
						Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
					}
				}
				catch (NoSuchFileException goneMeanwhile) {
					// a temporary file the running primary removed: the WAL replay restores whatever it held
				}
			}
		}
	}

	/**
	 * The standbys streaming from this primary with their state ({@code streaming} once caught up), from
	 * {@code pg_stat_replication}.
	 */
	List<String> replicationStates() throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select application_name, state from pg_stat_replication")) {
			List<String> states = new ArrayList<>();
			while (result.next()) {
				states.add(result.getString(1) + "=" + result.getString(2));
			}
			return states;
		}
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
