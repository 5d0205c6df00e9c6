package com.forum.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * axe-core, the accessibility engine, run inside the page under test. Its script comes from the test
 * classpath (the {@code com.deque.html.axe-core:selenium} jar carries {@code axe.min.js}), never from
 * the network. Each page is checked once, in the language a journey first shows it in (every journey
 * runs in English, then in Chinese: the same template, markup and styles with other words), or once per
 * language with {@code FORUM_AXE_EVERY_LANGUAGE=1} (half the suite's axe time again, about 40 s). A summary
 * line goes to the test output and to {@code target/browser/axe-results.txt}, and a serious or critical
 * violation fails the journey.
 */
final class Axe {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

	static final List<String> IMPACTS = List.of("critical", "serious", "moderate", "minor");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RUN = """
			var done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
			  .then(function (results) {
			    done(JSON.stringify(results.violations.map(function (v) {
			      return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 40).map(function (n) {
			        return { target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary };
			      }), count: v.nodes.length };
			    })));
			  })
			  .catch(function (e) { done('ERROR ' + e); });
			""";

	private final String source;

	private final Path results;

	private static final boolean EVERY_LANGUAGE = "1".equals(System.getenv("FORUM_AXE_EVERY_LANGUAGE"));

	private final Set<String> checked = new HashSet<>();

	private final Map<String, Integer> totals = new LinkedHashMap<>();

	private int pages;

	Axe(Path results) {
		this.results = results;
		try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
			}
			this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		IMPACTS.forEach(impact -> totals.put(impact, 0));
	}

	/** Checks the page the browser shows, unless this page was already checked (in this language). */
	void check(JavascriptExecutor browser, String page, String language, String path) {
		synchronized (this) {
			if (!checked.add(EVERY_LANGUAGE ? page + "\n" + language : page)) {
				return;
			}
		}
		if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
			browser.executeScript(source);
		}
		Object answer = browser.executeAsyncScript(RUN, TAGS);
		if (!(answer instanceof String json) || json.startsWith("ERROR")) {
			throw new AssertionError("axe-core did not run on " + path + ": " + answer);
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		IMPACTS.forEach(impact -> counts.put(impact, 0));
		List<String> rules = new ArrayList<>();
		List<String> details = new ArrayList<>();
		List<String> blocking = new ArrayList<>();
		for (JsonNode violation : JSON.readTree(json)) {
			String impact = violation.path("impact").asString("minor");
			counts.merge(impact, 1, Integer::sum);
			rules.add(violation.get("id").asString() + "(" + impact + ")");
			StringBuilder detail = new StringBuilder(violation.get("id").asString() + " [" + impact + "] "
					+ violation.get("help").asString() + " — " + violation.get("count").asInt() + " element(s)");
			for (JsonNode node : violation.get("nodes")) {
				detail.append("\n    ").append(node.get("target").asString()).append("  ").append(node.get("html").asString());
				String why = node.path("summary").asString("").replaceAll("\\s+", " ").trim();
				if (!why.isEmpty()) {
					detail.append("\n      ").append(why);
				}
			}
			details.add(detail.toString());
			if (impact.equals("serious") || impact.equals("critical")) {
				blocking.add(detail.toString().lines().limit(17).reduce((a, b) -> a + "\n" + b).orElse(""));
			}
		}
		String line = String.format(Locale.ROOT, "axe %-20s %-6s critical=%d serious=%d moderate=%d minor=%d  %s%s",
				page, language, counts.get("critical"), counts.get("serious"), counts.get("moderate"),
				counts.get("minor"), path, rules.isEmpty() ? "" : "  " + String.join(" ", rules));
		System.out.println(line);
		// two browsers' checks may finish at once: one at a time counts and writes
		synchronized (this) {
			pages++;
			counts.forEach((impact, count) -> totals.merge(impact, count, Integer::sum));
			BrowserRun.write(results, line + "\n", true);
			if (!details.isEmpty()) {
				BrowserRun.write(results.resolveSibling("axe-details.txt"),
						line + "\n  " + String.join("\n  ", details) + "\n\n", true);
			}
		}
		if (!blocking.isEmpty()) {
			throw new AssertionError("axe-core found serious or critical accessibility problems on " + page + " ("
					+ language + ", " + path + "):\n  " + String.join("\n  ", blocking));
		}
	}

	synchronized String summary() {
		return String.format(Locale.ROOT,
				"axe-core %s: %d page checks (%s), violations by impact: critical=%d serious=%d moderate=%d minor=%d",
				version(), pages, String.join(" ", TAGS), totals.get("critical"), totals.get("serious"),
				totals.get("moderate"), totals.get("minor"));
	}

	private String version() {
		int start = source.indexOf("axe v");
		return start < 0 ? "" : source.substring(start + 4, source.indexOf('\n', start)).trim();
	}
}
