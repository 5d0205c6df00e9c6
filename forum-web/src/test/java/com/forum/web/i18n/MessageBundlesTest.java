package com.forum.web.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages are complete: each bundle has the same keys in English and Chinese, no empty text,
 * the same placeholders, and only apostrophes that {@code MessageFormat} keeps.
 */
class MessageBundlesTest {

	private static final List<String> LANGUAGES = List.of("en", "zh-CN");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	@Test
	void everyBundleHasTheSameKeysInBothLanguages() {
		Map<String, Map<String, Properties>> bundles = MessageBundles.all();
		assertThat(bundles).isNotEmpty();
		bundles.forEach((bundle, languages) -> {
			assertThat(languages.keySet()).as("languages of bundle %s", bundle).containsExactlyInAnyOrderElementsOf(LANGUAGES);
			Set<String> english = keys(languages.get("en"));
			Set<String> chinese = keys(languages.get("zh-CN"));
			assertThat(difference(english, chinese)).as("keys of %s missing in Chinese", bundle).isEmpty();
			assertThat(difference(chinese, english)).as("keys of %s missing in English", bundle).isEmpty();
			System.out.printf("message bundle %-14s %4d keys in English, %4d in Chinese%n", bundle, english.size(),
					chinese.size());
		});
	}

	@Test
	void noMessageIsEmptyAndBothLanguagesUseTheSamePlaceholders() {
		MessageBundles.all().forEach((bundle, languages) -> languages.get("en").forEach((key, english) -> {
			String chinese = languages.get("zh-CN").getProperty((String) key);
			assertThat((String) english).as("%s: %s in English", bundle, key).isNotBlank();
			if (chinese != null) {
				assertThat(chinese).as("%s: %s in Chinese", bundle, key).isNotBlank();
				assertThat(placeholders(chinese)).as("%s: placeholders of %s", bundle, key)
					.isEqualTo(placeholders((String) english));
			}
		}));
	}

	/**
	 * A message with arguments goes through {@code MessageFormat}, where a single apostrophe starts a
	 * quoted section and silently swallows the text after it ("don't" becomes "dont"): write two.
	 */
	@Test
	void messagesWithArgumentsDoubleTheirApostrophes() {
		MessageBundles.all().forEach((bundle, languages) -> languages.forEach((language, messages) -> messages
			.forEach((key, value) -> {
				String text = (String) value;
				if (PLACEHOLDER.matcher(text).find()) {
					assertThat(text.replace("''", "")).as("%s (%s): %s", bundle, language, key).doesNotContain("'");
				}
			})));
	}

	/** A bundle file nobody lists in spring.messages.basename would be silently ignored. */
	@Test
	void everyBundleIsListedInTheSettings() throws IOException {
		String settings = Files.readString(Path.of("..", "config", "application.yml"));
		Matcher basename = Pattern.compile("basename:\\s*(.+)").matcher(settings);
		assertThat(basename.find()).isTrue();
		Set<String> listed = Arrays.stream(basename.group(1).split(","))
			.map(String::strip)
			.map(name -> name.replace("messages/", ""))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(MessageBundles.all().keySet());
	}

	private static Set<String> keys(Properties properties) {
		return properties.stringPropertyNames().stream().collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}
}
