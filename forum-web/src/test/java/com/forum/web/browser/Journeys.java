package com.forum.web.browser;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands journeys to the browser tests: one of the test run's Chromiums for the whole class (started on
 * first use, closed when the run ends), a fresh journey per test, and on failure a screenshot and the page source in
 * {@code target/browser/failures/}. Register it as a static field with {@code @RegisterExtension}.
 * Without Chromium every browser test fails, saying what to install: none is skipped.
 */
public final class Journeys implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Journeys.class);

	/** How many test classes run at once (junit-platform.properties), and so how many browsers at most. */
	private static final String PARALLELISM = "junit.jupiter.execution.parallel.config.fixed.parallelism";

	/**
	 * The browser class running on this thread and its journey. The field holding this extension is static in
	 * {@link JourneyTest}, so one instance serves every browser class, two of which may run at once, each on
	 * a thread of its own that also runs all its methods.
	 */
	private final ThreadLocal<InClass> running = new ThreadLocal<>();

	@Override
	public void beforeAll(ExtensionContext context) throws InterruptedException {
		int browsers = context.getConfigurationParameter(PARALLELISM).map(Integer::parseInt).orElse(1);
		BrowserRun run = context.getRoot().getStore(NAMESPACE).computeIfAbsent(BrowserRun.class,
				type -> new BrowserRun(browsers), BrowserRun.class);
		running.set(new InClass(run, run.lease()));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		InClass inClass = running.get();
		running.remove();
		if (inClass != null) {
			inClass.run.giveBack(inClass.browser);
		}
	}

	/** A new journey on the application at this port, in a language given as "en" or "zh-CN". */
	public Journey start(int port, String name, String language) {
		InClass inClass = running.get();
		if (inClass == null) {
			throw new IllegalStateException("Journeys must be registered as a static @RegisterExtension field");
		}
		inClass.startedAt = System.nanoTime();
		inClass.cpuAtStart = BrowserRun.cpuTime();
		inClass.current = new Journey(inClass.run, inClass.browser.driver(), "http://127.0.0.1:" + port, name, language);
		return inClass.current;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		InClass inClass = running.get();
		Journey journey = inClass == null ? null : inClass.current;
		if (journey == null) {
			return;
		}
		inClass.current = null;
		boolean failed = context.getExecutionException().isPresent();
		if (failed) {
			journey.saveFailure();
		}
		// the page's scripts (the launch pages poll every few seconds) would otherwise keep the browser busy
		// through the tests that follow
		journey.leave();
		inClass.run.finished(journey, Duration.ofNanos(System.nanoTime() - inClass.startedAt),
				BrowserRun.cpuTime().minus(inClass.cpuAtStart), failed);
	}

	private static final class InClass {

		private final BrowserRun run;

		private final Chromium browser;

		private Journey current;

		private long startedAt;

		private Duration cpuAtStart;

		private InClass(BrowserRun run, Chromium browser) {
			this.run = run;
			this.browser = browser;
		}
	}
}
