package com.forum.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer feeds the Markdown-to-HTML pipeline inputs that it mutates towards new branches of the
 * parser, the renderer and the sanitizer, and every output must pass {@link RenderedHtmlOracle}; an
 * exception or a hang is a finding too. {@code ./forum test} fuzzes for a short while (the surefire
 * configuration sets {@code JAZZER_FUZZ}); {@code ./forum fuzz} runs {@link MarkdownFuzzing} for
 * longer. Without {@code JAZZER_FUZZ} the test replays the seeds and earlier findings kept in
 * {@code src/test/resources/com/forum/shared/MarkdownFuzzTestInputs}.
 */
class MarkdownFuzzTest {

	/** With images as the image proxy shows them: outside http(s) ones through the app, others as text. */
	private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(destination -> destination
		.matches("(?i)https?://[^/?#\\s]+([/?#].*)?")
				? Optional.of("/image-proxy?u=" + URLEncoder.encode(destination, StandardCharsets.UTF_8))
				: Optional.empty());

	private static final AtomicLong checked = new AtomicLong();

	private static final long started = System.nanoTime();

	@FuzzTest(maxDuration = "10s")
	@DictionaryFile(resourcePath = "/com/forum/shared/markdown.dict")
	void anyMarkdownRendersToAllowedHtmlOnly(String markdown) {
		check(markdown);
	}

	static void check(String markdown) {
		RenderedHtmlOracle.assertSafe(markdown, MARKDOWN.toSafeHtml(markdown));
		checked.incrementAndGet();
	}

	@AfterAll
	static void report() {
		System.out.printf("markdown fuzz: %,d inputs rendered and checked in %,d s%n", checked.get(),
				(System.nanoTime() - started) / 1_000_000_000);
	}
}
