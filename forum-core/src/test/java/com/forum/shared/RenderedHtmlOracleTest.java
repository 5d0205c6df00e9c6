package com.forum.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fuzzers' oracle refuses what a browser would run or follow somewhere else, and lets the rest be. */
class RenderedHtmlOracleTest {

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<p onclick=\"x()\">a</p>", "<a href=\"javascript:x()\" rel=\"nofollow noopener ugc\">a</a>",
			"<img src=\" java&#x09;script:x()\">", "<a href=\"https://x.test\">no rel</a>", "<iframe src=\"https://x.test\"></iframe>",
			"<img src=\"data:image/svg+xml,<svg onload=x()>\">", "<code style=\"x\">a</code>" })
	void refusesWhatCouldRunOrLeak(String html) {
		assertThatThrownBy(() -> RenderedHtmlOracle.assertSafe("source", html)).isInstanceOf(AssertionError.class);
	}

	@Test
	void acceptsWhatTheRendererMayProduce() {
		assertThatNoException().isThrownBy(() -> RenderedHtmlOracle.assertSafe("source",
				"<p><strong>a</strong> <a href=\"https://x.test/a?b#c\" rel=\"nofollow noopener ugc\">x</a>"
						+ " <img src=\"/images/a.png\" alt=\"a\"></p><ol start=\"3\"><li>x</li></ol>"
						+ "<pre><code class=\"language-java\">x</code></pre>"));
	}

	@Test
	void readsAddressesAsABrowserDoes() {
		assertThat(RenderedHtmlOracle.isSafeAddress("https://x.test")).isTrue();
		assertThat(RenderedHtmlOracle.isSafeAddress("mailto:a@x.test")).isTrue();
		assertThat(RenderedHtmlOracle.isSafeAddress("a/b:c")).isTrue();
		assertThat(RenderedHtmlOracle.isSafeAddress("?q=a:b")).isTrue();
		assertThat(RenderedHtmlOracle.isSafeAddress(" \u0001JaVa\tScRipt:x()")).isFalse();
		assertThat(RenderedHtmlOracle.isSafeAddress("a:b")).isFalse();
	}
}
