package com.forum.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A PostgreSQL read replica for read-only transactions. Off while {@code url} is blank: then every
 * connection comes from the primary's pool, as without this setting.
 *
 * @param url JDBC URL of the replicas; may name several hosts, and with
 *     {@code targetServerType=preferSecondary} pgJDBC falls back to any server that answers (list the
 *     primary last to read from it while no replica answers)
 * @param username blank for the primary's ({@code spring.datasource.username})
 * @param password blank for the primary's ({@code spring.datasource.password})
 * @param readYourWrites how long a member's reads stay on the primary after the member wrote; longer than
 *     the replication lag, so a member always sees their own writes
 * @param maximumPoolSize connections to the replicas per node
 * @param connectionTimeout how long a read waits for a replica connection before it takes a primary one
 */
@ConfigurationProperties(ReadReplicaProperties.PREFIX)
public record ReadReplicaProperties(@DefaultValue("") String url, @DefaultValue("") String username,
		@DefaultValue("") String password, @DefaultValue("5s") Duration readYourWrites,
		@DefaultValue("20") int maximumPoolSize, @DefaultValue("2s") Duration connectionTimeout) {

	public static final String PREFIX = "forum.datasource.replica";

	public ReadReplicaProperties {
		if (readYourWrites == null || readYourWrites.isNegative()) {
			throw new IllegalArgumentException(PREFIX + ".read-your-writes must be zero or more");
		}
		if (maximumPoolSize < 1) {
			throw new IllegalArgumentException(PREFIX + ".maximum-pool-size must be at least 1");
		}
		if (connectionTimeout == null || connectionTimeout.toMillis() < 250) {
			throw new IllegalArgumentException(PREFIX + ".connection-timeout must be at least 250ms (Hikari's minimum)");
		}
	}

	public boolean enabled() {
		return url != null && !url.isBlank();
	}
}
