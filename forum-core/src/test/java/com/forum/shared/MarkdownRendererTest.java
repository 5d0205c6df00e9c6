package com.forum.shared;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

	/** Like the proxy's links: outside http(s) images go through the app, everything else stays text. */
	private final MarkdownRenderer markdown = new MarkdownRenderer(
			destination -> destination.matches("https?://[^/]+/.*") ? Optional.of("/image-proxy?u=" + destination.length())
					: Optional.empty());

	@Test
	void rendersCommonMarkFormatting() {
		String html = markdown.toSafeHtml("**bold** and *soft*\n\n- one\n- two\n\n> quoted\n\n`code`");

		assertThat(html).contains("<strong>bold</strong>", "<em>soft</em>", "<li>one</li>", "<blockquote>",
				"<code>code</code>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"[click](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "<iframe src=//evil></iframe>",
			"![x](javascript:alert(1))", "<svg onload=alert(1)>", "<div style=\"background:url(javascript:alert(1))\">",
			"[x](JaVaScRiPt:alert(1))", "<scr<script>ipt>alert(1)</script>" })
	void neverLetsScriptThrough(String attack) {
		String html = markdown.toSafeHtml("before " + attack + " after");

		// escaped text may mention anything; what matters is that no real tag carries it
		List<String> tags = TAG.matcher(html).results().map(m -> m.group().toLowerCase()).toList();
		assertThat(tags).allSatisfy(tag -> assertThat(tag).doesNotContain("javascript:", "style=")
			.doesNotContainPattern("\\son[a-z]+\\s*=")
			.doesNotStartWith("<script")
			.doesNotStartWith("<iframe")
			.doesNotStartWith("<svg"));
		assertThat(html).contains("before").contains("after");
	}

	@Test
	void linksGetRelsThatStopReferrerTricksAndSpamCredit() {
		String html = markdown.toSafeHtml("[site](https://example.com)");

		assertThat(html).contains("href=\"https://example.com\"").contains("nofollow").contains("noopener");
	}

	@Test
	void findsMentionedNamesInTextButNotInCodeLinksOrAddresses() {
		assertThat(markdown.mentionedNames("""
				Thanks @mifan, and 谢谢@helper_2. Mail me at fan@mi.example or see [@linked](https://mi.example).
				`@in_code` and @mifan again, @ab too short, @trailing.dot.

				    @in_block""")).containsExactly("mifan", "helper_2", "trailing.dot");
	}

	@Test
	void linksOnlyTheMentionsGivenAnAddressAndKeepsTheTextAround() {
		String html = markdown.toSafeHtml("Hi @mifan and @stranger, **@mifan** again.",
				name -> name.equals("mifan") ? "/members/mifan" : null);

		// the sanitizer writes every @ as &#64;, which the browser shows as @
		assertThat(html).contains("Hi <a href=\"/members/mifan\"")
			.contains(">&#64;mifan</a> and &#64;stranger, <strong><a href=\"/members/mifan\"")
			.doesNotContain("/members/stranger");
	}

	@Test
	void plainTextDropsMarkup() {
		assertThat(markdown.toPlainText("# Title\n\n**bold** <b>raw</b>")).isEqualTo("Title bold <b>raw</b>");
	}

	@Test
	void linksAreWhatThePageWouldShowAsLinksOrImages() {
		assertThat(markdown.linkTargets("[site](https://www.mi.com/) and ![shot](https://img.example/a.png)"))
			.containsExactly("https://www.mi.com/", "https://img.example/a.png");
		assertThat(markdown.linkTargets("bare https://www.mi.com/support and <https://x.example/> or me@mi.com"))
			.hasSize(3);
		assertThat(markdown.linkTargets("`https://in.code/` and\n\n    https://in.block/\n")).isEmpty();
		assertThat(markdown.linkTargets("no links, just text: www dot mi dot com")).isEmpty();
	}

	@Test
	void anEditAddsLinksOnlyWhenItBringsNewOnes() {
		String before = "Read [the manual](https://www.mi.com/manual).";
		assertThat(markdown.addsLinks(before, before + " Thanks!")).isFalse();
		assertThat(markdown.addsLinks(before, "Now https://spam.example/")).isTrue();
		assertThat(markdown.addsLinks(null, "plain")).isFalse();
	}

	@Test
	void outsideImagesLoadThroughTheAppsProxyAndNeverFromTheirHost() {
		String html = markdown.toSafeHtml("![shot](https://img.example/a.png)");

		assertThat(html).contains("<img src=\"/image-proxy?u").doesNotContain("img.example").contains("alt=\"shot\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "![count me](/threads/5)", "![count me](threads/5?page=2)", "![count me](//evil.example/x.png)",
			"![count me](data:image/png;base64,AAAA)", "![![count me](/threads/7)](https://img.example/a.png)" })
	void imagesTheProxyRefusesShowAsTheirText(String source) {
		String html = markdown.toSafeHtml(source);

		assertThat(html).contains("count me").doesNotContain("/threads/").doesNotContain("evil.example")
			.doesNotContain("data:");
	}

	@Test
	void knowsWhetherATextShowsImages() {
		assertThat(markdown.hasImages("text ![a](https://img.example/a.png)")).isTrue();
		assertThat(markdown.hasImages("a [link](https://img.example/a.png) and `![code](x)`")).isFalse();
	}

	@Test
	void refusesImagesWhenTheForumRefusesThemAndNeverOtherwise() {
		MarkdownRenderer refusing = new MarkdownRenderer(new ImageSources() {

			@Override
			public Optional<String> sourceFor(String destination) {
				return Optional.empty();
			}

			@Override
			public boolean acceptsImages() {
				return false;
			}
		});

		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> refusing.checkImagesAccepted("body", "see ![a](https://img.example/a.png)"))
			.isInstanceOf(InvalidInputException.class)
			.hasFieldOrPropertyWithValue("reason", "images-refused");
		refusing.checkImagesAccepted("body", "a [link](https://img.example/) is fine");
		markdown.checkImagesAccepted("body", "see ![a](https://img.example/a.png)");
		assertThat(refusing.toSafeHtml("see ![a](https://img.example/a.png)")).doesNotContain("<img").contains("a");
	}
}
