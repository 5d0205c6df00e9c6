package com.forum.web.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.forum.petition.PetitionStatus;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the code can throw has its message in the bundles, so no reader gets a refusal in
 * the wrong language, and the messages read as intended in both.
 */
class RefusalMessagesTest {

	private static final List<Path> SOURCES = List.of(Path.of("..", "forum-core", "src", "main", "java"),
			Path.of("..", "forum-search", "src", "main", "java"), Path.of("src", "main", "java"));

	private static final Pattern NOT_FOUND = Pattern.compile("new NotFoundException\\(\"([^\"]+)\"");

	private static final Pattern DENIED = Pattern.compile("new PermissionDeniedException\\(\\s*\"([^\"]+)\"");

	private static final Pattern RULE = Pattern.compile("new RuleViolationException\\(\\s*\"([^\"]+)\"");

	/** The reason is the second argument, possibly chosen by a condition between two literals. */
	private static final Pattern INVALID = Pattern
		.compile("new InvalidInputException\\(\\s*[^,]+,\\s*((?:[^,\"]*\\?\\s*)?\"[^\"]+\"(?:\\s*:\\s*\"[^\"]+\")?)");

	private static final Pattern FIELD = Pattern.compile("new InvalidInputException\\(\\s*\"([^\"]+)\"");

	/** A message key named outright, as in {@code ex.concerning("problem.rule.in-petition", id)}. */
	private static final Pattern PROBLEM_KEY = Pattern.compile("\"(problem\\.[a-z]+\\.[a-z\\-.]+)\"");

	private static final Pattern LITERAL = Pattern.compile("\"([^\"]+)\"");

	@Test
	void everyRefusalInTheCodeHasItsMessage() throws IOException {
		Map<String, String> english = MessageBundles.english();
		List<String> missing = new ArrayList<>();
		int found = 0;
		for (Path root : SOURCES) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
					String code = Files.readString(file);
					found += expect(code, NOT_FOUND, "problem.not-found.", english, missing, file);
					found += expect(code, DENIED, "problem.denied.", english, missing, file);
					found += expect(code, RULE, "problem.rule.", english, missing, file);
					found += expect(code, FIELD, "field.", english, missing, file);
					found += expect(code, PROBLEM_KEY, "", english, missing, file);
					Matcher invalid = INVALID.matcher(code);
					while (invalid.find()) {
						Matcher literal = LITERAL.matcher(invalid.group(1));
						while (literal.find()) {
							found++;
							check("problem.invalid." + literal.group(1), english, missing, file);
						}
					}
				}
			}
		}
		assertThat(found).as("refusals found in the code").isGreaterThan(60);
		assertThat(missing).isEmpty();
	}

	@Test
	void refusalsReadInTheReadersLanguageWithTheirArguments() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/problems", "messages/petitions");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);

		RuleViolationException taken = new RuleViolationException("username-taken", "taken", "mifan");
		assertThat(messages.getMessage(taken, Locale.ENGLISH)).isEqualTo("The username 'mifan' is taken.");
		assertThat(messages.getMessage(taken, Locale.SIMPLIFIED_CHINESE)).isEqualTo("用户名“mifan”已被占用。");

		InvalidInputException length = new InvalidInputException("title", "length", "must be 5 to 150", 5, 20_000);
		assertThat(messages.getMessage(length, Locale.ENGLISH)).isEqualTo("must be 5 to 20,000 characters");
		assertThat(messages.getMessage(length, Locale.SIMPLIFIED_CHINESE)).isEqualTo("须为 5–20,000 个字符");

		assertThat(messages.getMessage(new NotFoundException("failed event delivery", 7), Locale.ENGLISH))
			.isEqualTo("There is no failed event delivery 7.");

		RuleViolationException move = new RuleViolationException("transition-not-allowed", "no",
				PetitionStatus.SUBMITTED.asMessage(), PetitionStatus.SHIPPED.asMessage());
		assertThat(messages.getMessage(move, Locale.SIMPLIFIED_CHINESE)).startsWith("建议不能从“")
			.doesNotContain("SUBMITTED", "submitted");
	}

	private static int expect(String code, Pattern pattern, String prefix, Map<String, String> english,
			List<String> missing, Path file) {
		int found = 0;
		Matcher matcher = pattern.matcher(code);
		while (matcher.find()) {
			found++;
			String name = matcher.group(1);
			// a thing not found is named in words ("failed event delivery"), a field as the code spells it
			check(prefix + (prefix.endsWith("not-found.") ? name.replace(' ', '-').toLowerCase(Locale.ROOT) : name),
					english, missing, file);
		}
		return found;
	}

	private static void check(String key, Map<String, String> english, List<String> missing, Path file) {
		if (!english.containsKey(key)) {
			missing.add(file.getFileName() + ": " + key);
		}
	}
}
