package com.forum.shared;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The long run of {@link MarkdownFuzzTest}, by {@code ./forum fuzz}: the same property for ten minutes.
 * Its name does not end in {@code Test}, so that {@code ./forum test} leaves it out; it keeps the
 * inputs it found interesting in {@code forum-core/.cifuzz-corpus} and starts from them the next time.
 */
class MarkdownFuzzing {

	@FuzzTest(maxDuration = "10m")
	@DictionaryFile(resourcePath = "/com/forum/shared/markdown.dict")
	void anyMarkdownRendersToAllowedHtmlOnly(String markdown) {
		MarkdownFuzzTest.check(markdown);
	}

	@AfterAll
	static void report() {
		MarkdownFuzzTest.report();
	}
}
