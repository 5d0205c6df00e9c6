package com.forum.web.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates hold no visible text of their own: words on a page come from the message bundles (or
 * from what members wrote). A template's prototype text inside an element that {@code th:text}
 * replaces is fine; text that reaches the reader as written is not, nor are string literals in
 * expressions that produce text, nor message keys that no bundle defines.
 */
class TemplateTextTest {

	private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

	/** Attributes a reader sees or hears (a screen reader reads aria-label and title). */
	private static final Set<String> VISIBLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label",
			"aria-description", "aria-roledescription", "label");

	/** Expressions whose result is shown: their string literals would be untranslated text. */
	private static final Pattern TEXT_EXPRESSION = Pattern
		.compile("th:(text|utext|title|placeholder|alt|aria-label|aria-description|label)");

	/** Replacing an element (or its body) hides whatever text the prototype has inside it. */
	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
			"sec:authentication");

	private static final Set<String> CODE = Set.of("script", "style", "code", "kbd", "pre");

	private static final Pattern WORD = Pattern.compile("\\p{L}{2,}|\\p{IsHan}");

	private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	@Test
	void templatesShowNoTextOutsideTheBundles() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String name = TEMPLATES.relativize(template).toString().replace('\\', '/');
			Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
			visit(document, name, found);
		}
		assertThat(found).as("visible text outside the message bundles").isEmpty();
	}

	@Test
	void everyMessageKeyInTheTemplatesExists() throws IOException {
		Map<String, String> english = MessageBundles.english();
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
			while (key.find()) {
				if (!english.containsKey(key.group(1))) {
					missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static void visit(Node node, String template, List<String> found) {
		if (node instanceof TextNode text) {
			String visible = text.text().replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", "").strip();
			if (WORD.matcher(visible).find()) {
				found.add(template + ": text \"" + visible + "\"");
			}
			return;
		}
		if (!(node instanceof Element element)) {
			return; // comments, doctype
		}
		for (Attribute attribute : element.attributes()) {
			String key = attribute.getKey();
			if (VISIBLE_ATTRIBUTES.contains(key) && WORD.matcher(attribute.getValue()).find()) {
				found.add(template + ": " + key + "=\"" + attribute.getValue() + "\"");
			}
			if (key.equals("value") && isButton(element) && WORD.matcher(attribute.getValue()).find()) {
				found.add(template + ": button value \"" + attribute.getValue() + "\"");
			}
			if (TEXT_EXPRESSION.matcher(key).matches()) {
				literalsIn(attribute.getValue()).forEach(literal -> found.add(template + ": " + key + " literal '" + literal + "'"));
			}
		}
		if (CODE.contains(element.tagName()) || element.attributes().asList().stream()
			.anyMatch(a -> REPLACING.contains(a.getKey()) || a.getKey().equals("th:remove") && !a.getValue().equals("tag"))) {
			return;
		}
		for (Node child : element.childNodes()) {
			visit(child, template, found);
		}
	}

	/** String literals with words in them, leaving out those inside message keys and CSS class names. */
	private static Stream<String> literalsIn(String expression) {
		List<String> literals = new ArrayList<>();
		expression = expression.replaceAll("#\\{\\|[^|]*\\|}", "#{}"); // a key built from parts: #{|status.${s}|}
		Matcher literal = LITERAL.matcher(expression);
		while (literal.find()) {
			if (WORD.matcher(literal.group(1)).find()) {
				literals.add(literal.group(1));
			}
		}
		Matcher pipe = Pattern.compile("\\|([^|]*)\\|").matcher(expression);
		while (pipe.find()) {
			String outside = pipe.group(1).replaceAll("\\$\\{[^}]*}|#\\{[^}]*}|\\*\\{[^}]*}", "");
			if (WORD.matcher(outside).find()) {
				literals.add("|" + pipe.group(1) + "|");
			}
		}
		return literals.stream();
	}

	/** An input button shows its value; a button element shows its content instead. */
	private static boolean isButton(Element element) {
		return element.tagName().equals("input") && Set.of("submit", "button", "reset").contains(element.attr("type"));
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
		}
	}
}
