package com.forum.localservices;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationShutdownHandlers;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts (or attaches to) the local PostgreSQL, Redis and Elasticsearch when
 * {@code forum.local-services.enabled=true}, and points the application at them through a property
 * source that wins over every other. It has to be an environment post-processor: the data source and
 * clients read these properties while the context is still being built.
 */
public class LocalServicesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** After the application*.yml files and profiles have been loaded. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 10;

	static final String PROPERTY_SOURCE = "forumLocalServices";

	/** One instance for the whole JVM, so registering it again with Spring is a no-op. */
	private static final Runnable STOP = () -> LocalServices.current().ifPresent(LocalServices::stop);

	private final Log log;

	public LocalServicesEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(LocalServices.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		LocalServicesProperties properties = LocalServicesProperties.bind(environment);
		if (!properties.enabled()) {
			return;
		}
		LocalServices services = LocalServices.startOrAttach(properties, log);
		// Spring's shutdown handlers run after the application contexts have closed (JVM hooks would
		// run concurrently with the close and pull the database away from a context still shutting down).
		SpringApplication.getShutdownHandlers().add(STOP);
		application.addListeners(new StopAfterLogging());
		application.addInitializers(context -> context.getBeanFactory()
			.registerSingleton(AwaitElasticsearch.class.getName(), new AwaitElasticsearch(services)));
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE, services.connectionProperties()));
	}

	/**
	 * Elasticsearch starts while the context is built (half of a start, in parallel); it has to answer
	 * before anything starts: the web server, the scheduled jobs, the start-up check of the search
	 * indexes. The first lifecycle phase is before all of them.
	 */
	private record AwaitElasticsearch(LocalServices services) implements SmartLifecycle {

		@Override
		public void start() {
			services.awaitElasticsearch();
		}

		@Override
		public void stop() {
			// the services stop after the context has closed (STOP)
		}

		@Override
		public boolean isRunning() {
			return false; // started once, nothing to stop
		}

		@Override
		public int getPhase() {
			return Integer.MIN_VALUE;
		}
	}

	/**
	 * Shutdown handlers run in reverse order of registration, and the logging system registers its own
	 * handler after this post-processor ran. Re-registering once the context is up makes the services stop
	 * while logging still works. (If startup fails before that, the first registration still stops them.)
	 */
	private static final class StopAfterLogging implements ApplicationListener<ContextRefreshedEvent> {

		@Override
		public void onApplicationEvent(ContextRefreshedEvent event) {
			SpringApplicationShutdownHandlers handlers = SpringApplication.getShutdownHandlers();
			handlers.remove(STOP);
			handlers.add(STOP);
		}
	}
}
