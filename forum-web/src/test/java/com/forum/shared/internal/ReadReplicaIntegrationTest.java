package com.forum.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import javax.sql.DataSource;

import com.forum.board.BoardCatalog;
import com.forum.localservices.LocalServices;
import com.forum.shared.ReadReplicaProperties;
import com.forum.shared.ReadRouting;
import com.forum.web.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-only transactions on the read replica. The test services point the replica at the same server as
 * a role that may only read ({@code forum_reader}), so which role answers tells where a transaction ran.
 */
@IntegrationTest
class ReadReplicaIntegrationTest {

	private static final String PRIMARY_ROLE = "forum";

	private static final String REPLICA_ROLE = "forum_reader";

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	BoardCatalog boards;

	@Test
	void readOnlyTransactionsRunOnTheReplicaAndEverythingElseOnThePrimary() {
		assertThat(roleIn(transactions, dataSource, true)).isEqualTo(REPLICA_ROLE);
		assertThat(roleIn(transactions, dataSource, false)).isEqualTo(PRIMARY_ROLE);
		// outside any transaction (Flyway, ShedLock, the event registry's own statements)
		assertThat(new JdbcTemplate(dataSource).queryForObject("select current_user", String.class))
			.isEqualTo(PRIMARY_ROLE);
	}

	@Test
	void aReadOnlyTransactionOnTheReplicaCannotWrite() {
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		String refusal = readOnly.execute(status -> {
			try {
				new JdbcTemplate(dataSource).update("update shedlock set locked_by = locked_by");
				return "written";
			}
			catch (RuntimeException refused) {
				status.setRollbackOnly();
				return refused.getMessage();
			}
		});
		assertThat(refusal).contains("read-only transaction");
	}

	@Test
	void readsPinnedToThePrimaryRunThereUntilThePinEnds() {
		try (ReadRouting.Pin pin = ReadRouting.pinToPrimary()) {
			assertThat(roleIn(transactions, dataSource, true)).isEqualTo(PRIMARY_ROLE);
			try (ReadRouting.Pin nested = ReadRouting.pinToPrimary()) {
				assertThat(roleIn(transactions, dataSource, true)).isEqualTo(PRIMARY_ROLE);
			}
			// a nested pin leaves the outer one in charge
			assertThat(roleIn(transactions, dataSource, true)).isEqualTo(PRIMARY_ROLE);
		}
		assertThat(roleIn(transactions, dataSource, true)).isEqualTo(REPLICA_ROLE);
	}

	/**
	 * The replica restarting under a reader: every connection of the reading role is cut, and the next read
	 * takes one of them from the pool (a connection used within the last half second is handed out without
	 * a check). Without the failover advice the read fails with "terminating connection due to
	 * administrator command".
	 */
	@Test
	void aReadWhoseReplicaConnectionIsCutIsAnsweredFromThePrimary() throws Exception {
		assertThat(boards.all()).isNotEmpty();
		try (Connection superuser = DriverManager.getConnection(LocalServices.current().orElseThrow().jdbcUrl(),
				"postgres", "")) {
			superuser.createStatement()
				.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + REPLICA_ROLE + "'");
		}
		// the pool may hold several cut connections: each read still gets its answer
		for (int read = 0; read < 5; read++) {
			assertThat(boards.all()).isNotEmpty();
		}
	}

	@Test
	void aReplicaListWhoseFirstHostIsDeadStillServesReadsFromTheNextOne() {
		int port = LocalServices.current().orElseThrow().postgresPort();
		String url = "jdbc:postgresql://127.0.0.1:" + deadPort() + ",127.0.0.1:" + port
				+ "/forum?targetServerType=preferSecondary&connectTimeout=2";
		try (var routing = routing(url)) {
			DataSourceTransactionManager manager = new DataSourceTransactionManager(routing);
			assertThat(roleIn(manager, routing, true)).isEqualTo(REPLICA_ROLE);
			assertThat(roleIn(manager, routing, false)).isEqualTo(PRIMARY_ROLE);
		}
	}

	@Test
	void readsTakeThePrimaryWhenNoReplicaAnswersAtAll() {
		String url = "jdbc:postgresql://127.0.0.1:" + deadPort() + "/forum?targetServerType=preferSecondary";
		try (var routing = routing(url)) {
			DataSourceTransactionManager manager = new DataSourceTransactionManager(routing);
			assertThat(roleIn(manager, routing, true)).isEqualTo(PRIMARY_ROLE);
		}
	}

	/** The routing as the application builds it, over a primary pool and a replica URL of the test's own. */
	private ReadReplicaConfiguration.ReplicaRoutingDataSource routing(String replicaUrl) {
		LocalServices services = LocalServices.current().orElseThrow();
		HikariDataSource primary = new HikariDataSource();
		primary.setJdbcUrl(services.jdbcUrl());
		primary.setUsername(PRIMARY_ROLE);
		primary.setPassword("forum");
		primary.setMaximumPoolSize(2);
		return new ReadReplicaConfiguration.ReplicaRoutingDataSource(primary, new ReadReplicaProperties(replicaUrl,
				REPLICA_ROLE, "forum_reader", Duration.ofSeconds(5), 2, Duration.ofMillis(500)));
	}

	/** Who runs the transaction's statements; JdbcTemplate takes the connection the transaction holds. */
	private static String roleIn(PlatformTransactionManager manager, DataSource source, boolean readOnly) {
		TransactionTemplate template = new TransactionTemplate(manager);
		template.setReadOnly(readOnly);
		return template.execute(status -> new JdbcTemplate(source).queryForObject("select current_user", String.class));
	}

	private static int deadPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
