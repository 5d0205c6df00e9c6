package com.forum.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fuzzers check of the rendered HTML, written independently of the renderer's policy: the
 * output, parsed the way a browser parses it (jsoup follows the HTML5 parsing algorithm), holds only
 * the elements and attributes of an allow-list, every link and image points to http(s), mailto or a
 * relative address, and every link carries the rel values that keep it from passing on trust.
 */
final class RenderedHtmlOracle {

	private static final Set<String> PLAIN = Set.of();

	private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(Map.entry("p", PLAIN), Map.entry("br", PLAIN),
			Map.entry("hr", PLAIN), Map.entry("strong", PLAIN), Map.entry("em", PLAIN), Map.entry("del", PLAIN),
			Map.entry("code", Set.of("class")), Map.entry("pre", PLAIN), Map.entry("blockquote", PLAIN),
			Map.entry("ul", PLAIN), Map.entry("ol", Set.of("start")), Map.entry("li", PLAIN), Map.entry("h1", PLAIN),
			Map.entry("h2", PLAIN), Map.entry("h3", PLAIN), Map.entry("h4", PLAIN), Map.entry("h5", PLAIN),
			Map.entry("h6", PLAIN), Map.entry("table", PLAIN), Map.entry("thead", PLAIN), Map.entry("tbody", PLAIN),
			Map.entry("tr", PLAIN), Map.entry("th", Set.of("align")), Map.entry("td", Set.of("align")),
			Map.entry("a", Set.of("href", "title", "rel")), Map.entry("img", Set.of("src", "alt", "title")));

	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src");

	/** A scheme as a browser reads it: letters first, then letters, digits, {@code + - .}, up to a colon. */
	private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

	private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

	private RenderedHtmlOracle() {
	}

	static void assertSafe(String markdown, String html) {
		String source = quoted(markdown);
		Document page = Jsoup.parseBodyFragment(html);
		for (Element element : page.body().getAllElements()) {
			if (element == page.body()) {
				continue;
			}
			String tag = element.normalName();
			assertThat(ALLOWED).as("element <%s> rendered from %s", tag, source).containsKey(tag);
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(ALLOWED.get(tag)).as("attribute %s of <%s> rendered from %s", name, tag, source)
					.contains(name);
				if (URL_ATTRIBUTES.contains(name)) {
					assertThat(isSafeAddress(attribute.getValue()))
						.as("%s=\"%s\" of <%s> rendered from %s", name, attribute.getValue(), tag, source)
						.isTrue();
				}
			}
			if (tag.equals("a") && element.hasAttr("href")) {
				assertThat(Set.of(element.attr("rel").split("\\s+")))
					.as("rel of a link rendered from %s", source)
					.contains("nofollow", "noopener", "ugc");
			}
		}
	}

	/**
	 * Whether a browser would follow the address only to the web or a mail program: it strips
	 * leading and trailing blanks and control characters and drops tabs and newlines inside before
	 * reading the scheme, so the check does the same.
	 */
	static boolean isSafeAddress(String value) {
		String address = value.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "")
			.toLowerCase(Locale.ROOT);
		var scheme = SCHEME.matcher(address);
		if (scheme.find()) {
			return SCHEMES.contains(scheme.group(1));
		}
		// no scheme: relative to the page, unless something before the first / ? # makes it one
		int end = address.length();
		for (char stop : new char[] { '/', '?', '#' }) {
			int at = address.indexOf(stop);
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		return !address.substring(0, end).contains(":");
	}

	private static String quoted(String markdown) {
		if (markdown == null) {
			return "null";
		}
		String shown = markdown.length() > 300 ? markdown.substring(0, 300) + "…" : markdown;
		return "\"" + shown.replace("\n", "\\n") + "\"";
	}
}
