package com.forum.localservices;

import java.nio.file.Path;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Settings under {@code forum.local-services}. Bound by hand (see {@link #bind}) rather than as a
 * {@code @ConfigurationProperties} bean, because the services must run before the application context
 * (and its data source) exists.
 *
 * @param enabled start PostgreSQL, Redis and Elasticsearch next to the app
 * @param ephemeral true: temporary directories and random free ports, all deleted at exit (tests);
 *     false: data kept in {@code dataDir} on the fixed ports below ({@code ./forum start})
 * @param dataDir where persistent data lives; process ids go to {@code dataDir/../run}
 * @param postgresPort fixed PostgreSQL port in persistent mode
 * @param redisPort fixed Redis port in persistent mode
 * @param elasticsearchPort fixed Elasticsearch HTTP port in persistent mode (transport: +100)
 * @param elasticsearchHeap Elasticsearch heap size, e.g. {@code 512m}
 */
public record LocalServicesProperties(boolean enabled, boolean ephemeral, Path dataDir, int postgresPort,
		int redisPort, int elasticsearchPort, String elasticsearchHeap) {

	public static final String PREFIX = "forum.local-services";

	static LocalServicesProperties bind(Environment environment) {
		Binder binder = Binder.get(environment);
		String dataDir = binder.bind(PREFIX + ".data-dir", String.class)
			.orElseGet(() -> environment.getProperty("FORUM_DATA_DIR", ".forum/data"));
		return new LocalServicesProperties(
				binder.bind(PREFIX + ".enabled", Boolean.class).orElse(false),
				binder.bind(PREFIX + ".ephemeral", Boolean.class).orElse(true),
				Path.of(dataDir).toAbsolutePath().normalize(),
				binder.bind(PREFIX + ".postgres-port", Integer.class).orElse(54329),
				binder.bind(PREFIX + ".redis-port", Integer.class).orElse(63790),
				binder.bind(PREFIX + ".elasticsearch-port", Integer.class).orElse(19200),
				binder.bind(PREFIX + ".elasticsearch-heap", String.class).orElse("512m"));
	}
}
