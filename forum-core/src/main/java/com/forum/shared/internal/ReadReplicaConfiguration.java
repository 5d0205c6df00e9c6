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

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	/**
	 * A read-only transaction whose replica went away while it ran (the replica stopped or restarted, its
	 * connection cut) is run once more, pinned to the primary, so the reader gets an answer rather than an
	 * error. Only the outermost read-only transaction is retried, and only for a lost connection: it wrote
	 * nothing, so running it again is safe. Ordered before the transaction advice, so that the retry begins
	 * a transaction of its own. Without a replica no read ever runs on one, and the advice only passes on.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor readReplicaFailover() {
		AnnotationTransactionAttributeSource transactions = new AnnotationTransactionAttributeSource();
		MethodInterceptor retryOnPrimary = invocation -> {
			if (ReadRouting.pinnedToPrimary() || TransactionSynchronizationManager.isActualTransactionActive()
					|| !(invocation instanceof ProxyMethodInvocation proxied)) {
				return invocation.proceed();
			}
			Object target = invocation.getThis();
			TransactionAttribute attribute = transactions.getTransactionAttribute(invocation.getMethod(),
					target == null ? null : target.getClass());
			if (attribute == null || !attribute.isReadOnly()) {
				return invocation.proceed();
			}
			MethodInvocation again = proxied.invocableClone();
			try {
				return invocation.proceed();
			}
			catch (RuntimeException ex) {
				if (!ReplicaUnlessPinned.lostConnection(ex)) {
					throw ex;
				}
				ReplicaUnlessPinned.log.warn("A read lost its replica connection ({}); reading again from the primary",
						ex.toString());
				try (ReadRouting.Pin primary = ReadRouting.pinToPrimary()) {
					return again.proceed();
				}
			}
		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
					.union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class)),
				retryOnPrimary);
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
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

		static final Logger log = LoggerFactory.getLogger(ReplicaUnlessPinned.class);

		/**
		 * Whether a failure is a lost database connection: SQLSTATE class 08 (connection exception) or 57P01-03
		 * (the server shutting down or restarting), anywhere in the causes.
		 */
		static boolean lostConnection(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql && sql.getSQLState() != null
						&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
					return true;
				}
				if (cause.getCause() == cause) {
					break;
				}
			}
			return false;
		}

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
