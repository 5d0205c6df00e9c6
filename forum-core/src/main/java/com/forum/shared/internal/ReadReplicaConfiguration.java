package com.forum.shared.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.forum.shared.ReadReplicaProperties;
import com.forum.shared.ReadRouting;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Read-only transactions on a PostgreSQL read replica, when {@code forum.datasource.replica.url} is set.
 * The data source Boot builds for the primary is wrapped in Spring's {@link LazyConnectionDataSourceProxy}
 * with a read-only data source: a transaction marked {@code readOnly} (JpaTransactionManager marks the
 * connection read-only before its first statement) takes a replica connection, everything else a primary
 * one. So Flyway, the event publication registry, ShedLock and every write stay on the primary without
 * being told. The replica's pool is a second Hikari pool; reads pinned by {@link ReadRouting} and reads
 * that find no replica connection in time take a primary connection instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadReplicaProperties.class)
class ReadReplicaConfiguration {

	/**
	 * A post-processor rather than a data source bean of its own: Boot keeps building the primary pool
	 * from {@code spring.datasource.*} exactly as without a replica. It binds the settings itself, as
	 * post-processors are made before configuration properties beans could be injected.
	 */
	@Bean
	static BeanPostProcessor readReplicaRouting(Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof HikariDataSource primary) || !"dataSource".equals(name)) {
					return bean;
				}
				ReadReplicaProperties replica = Binder.get(environment)
					.bindOrCreate(ReadReplicaProperties.PREFIX, ReadReplicaProperties.class);
				return replica.enabled() ? new ReplicaRoutingDataSource(primary, replica) : bean;
			}
		};
	}

	/** Primary connections by default, replica ones for read-only transactions; closes both pools. */
	static final class ReplicaRoutingDataSource extends LazyConnectionDataSourceProxy implements AutoCloseable {

		private final HikariDataSource primary;

		private final HikariDataSource replica;

		ReplicaRoutingDataSource(HikariDataSource primary, ReadReplicaProperties properties) {
			this.primary = primary;
			this.replica = replicaPool(primary, properties);
			setTargetDataSource(primary);
			setReadOnlyDataSource(new ReplicaUnlessPinned(primary, replica));
			// the isolation level is looked up on the first connection, as the primary pool may set its own
			setDefaultAutoCommit(primary.isAutoCommit());
			afterPropertiesSet();
		}

		private static HikariDataSource replicaPool(HikariDataSource primary, ReadReplicaProperties properties) {
			HikariDataSource pool = new HikariDataSource();
			pool.setPoolName("replica");
			pool.setJdbcUrl(properties.url());
			pool.setUsername(properties.username().isBlank() ? primary.getUsername() : properties.username());
			pool.setPassword(properties.password().isBlank() ? primary.getPassword() : properties.password());
			pool.setMaximumPoolSize(properties.maximumPoolSize());
			pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
			pool.setReadOnly(true);
			// the node starts, and serves from the primary, while no replica answers
			pool.setInitializationFailTimeout(-1);
			return pool;
		}

		@Override
		public void close() {
			replica.close();
			primary.close();
		}
	}

	/**
	 * The replica pool's connections, or the primary's while this thread is pinned to it or no replica
	 * connection comes in time (every replica down and the URL names no other server): a read never
	 * fails for want of a replica.
	 */
	static final class ReplicaUnlessPinned extends DelegatingDataSource {

		private static final Logger log = LoggerFactory.getLogger(ReplicaUnlessPinned.class);

		private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

		private final DataSource primary;

		private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS - 1);

		ReplicaUnlessPinned(DataSource primary, DataSource replica) {
			super(replica);
			this.primary = primary;
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (ReadRouting.pinnedToPrimary()) {
				return primary.getConnection();
			}
			try {
				return obtainTargetDataSource().getConnection();
			}
			catch (SQLException unavailable) {
				warn(unavailable);
				return primary.getConnection();
			}
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		/** One warning a minute at most: every read would log one while the replicas are away. */
		private void warn(SQLException unavailable) {
			long now = System.nanoTime();
			long last = lastWarning.get();
			if (now - last > WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
				log.warn("No read replica answers; reading from the primary: {}", unavailable.toString());
			}
		}
	}
}
