package com.forum.web.browser;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands journeys to the browser tests: the test run's shared Chromium (started on first use, closed
 * when the run ends), a fresh journey per test, and on failure a screenshot and the page source in
 * {@code target/browser/failures/}. Register it as a static field with {@code @RegisterExtension}.
 * Without Chromium every browser test fails, saying what to install: none is skipped.
 */
public final class Journeys implements BeforeAllCallback, AfterTestExecutionCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Journeys.class);

	private BrowserRun run;

	private Journey current;

	private long startedAt;

	private Duration cpuAtStart;

	@Override
	public void beforeAll(ExtensionContext context) {
		run = context.getRoot().getStore(NAMESPACE).computeIfAbsent(BrowserRun.class, type -> new BrowserRun(),
				BrowserRun.class);
	}

	/** A new journey on the application at this port, in a language given as "en" or "zh-CN". */
	public Journey start(int port, String name, String language) {
		if (run == null) {
			throw new IllegalStateException("Journeys must be registered as a static @RegisterExtension field");
		}
		startedAt = System.nanoTime();
		cpuAtStart = BrowserRun.cpuTime();
		current = new Journey(run, "http://127.0.0.1:" + port, name, language);
		return current;
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Journey journey = current;
		current = null;
		if (journey == null) {
			return;
		}
		boolean failed = context.getExecutionException().isPresent();
		if (failed) {
			journey.saveFailure();
		}
		// the page's scripts (the launch pages poll every few seconds) would otherwise keep the shared
		// browser busy through the tests that follow
		journey.leave();
		run.finished(journey, Duration.ofNanos(System.nanoTime() - startedAt), BrowserRun.cpuTime().minus(cpuAtStart),
				failed);
	}
}
