package com.forum.web.searchquality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bilingual corpus that the judged queries are run against: the hand-written threads of
 * {@code search-quality/threads-en.txt} and {@code threads-zh.txt}, which the judgments name, among
 * generated threads from the families of {@code generated.txt}, which share their words but not their
 * topics. The same seed and count give the same corpus, so figures of two runs compare.
 */
final class SearchQualityCorpus {

	static final String FOLDER = "/search-quality/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

	private SearchQualityCorpus() {
	}

	/** The hand-written threads followed by {@code generated} generated ones. */
	static List<CorpusThread> threads(int generated, long seed) {
		List<CorpusThread> threads = new ArrayList<>(handWritten());
		threads.addAll(generated(generated, seed));
		return threads;
	}

	static List<CorpusThread> handWritten() {
		List<CorpusThread> threads = new ArrayList<>(parseThreads(lines("threads-en.txt")));
		threads.addAll(parseThreads(lines("threads-zh.txt")));
		return threads;
	}

	/** Threads drawn in turn from every family, their parts picked at random with the given seed. */
	static List<CorpusThread> generated(int count, long seed) {
		Families families = parseFamilies(lines("generated.txt"));
		Random random = new Random(seed);
		List<CorpusThread> threads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Family family = families.families.get(i % families.families.size());
			Map<String, String> values = new LinkedHashMap<>();
			families.values.forEach((name, options) -> values.put(name, pick(random, options)));
			String title = fill(pick(random, family.titles), values);
			StringBuilder body = new StringBuilder(fill(pick(random, family.intros), values)).append("\n\n");
			List<String> lines = new ArrayList<>(family.lines);
			int shown = 2 + random.nextInt(Math.min(4, lines.size() - 1));
			for (int n = 0; n < shown; n++) {
				String line = fill(lines.remove(random.nextInt(lines.size())), values);
				body.append(family.list ? "- " + line + "\n" : line + " ");
			}
			List<String> replies = new ArrayList<>();
			int answers = random.nextInt(Math.min(4, family.replies.size() + 1));
			for (int n = 0; n < answers; n++) {
				replies.add(fill(pick(random, family.replies), values));
			}
			threads.add(new CorpusThread("%s-%04d".formatted(family.key, i), family.board, title, body.toString().strip(),
					replies));
		}
		return threads;
	}

	static List<String> lines(String file) {
		try (InputStream in = SearchQualityCorpus.class.getResourceAsStream(FOLDER + file)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + FOLDER + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<CorpusThread> parseThreads(List<String> lines) {
		List<CorpusThread> threads = new ArrayList<>();
		String key = null;
		String board = null;
		String title = null;
		List<StringBuilder> parts = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("=== ")) {
				if (key != null) {
					threads.add(thread(key, board, title, parts));
				}
				String[] header = line.substring(4).split("\\|");
				key = header[0].strip();
				board = header[1].strip();
				title = null;
				parts = new ArrayList<>();
			}
			else if (key == null) {
				continue; // the file's comment header
			}
			else if (title == null) {
				title = line.strip();
				parts.add(new StringBuilder());
			}
			else if (line.equals("+++")) {
				parts.add(new StringBuilder());
			}
			else {
				parts.getLast().append(line).append('\n');
			}
		}
		if (key != null) {
			threads.add(thread(key, board, title, parts));
		}
		return threads;
	}

	private static CorpusThread thread(String key, String board, String title, List<StringBuilder> parts) {
		List<String> texts = parts.stream().map(p -> p.toString().strip()).toList();
		return new CorpusThread(key, board, title, texts.getFirst(), texts.subList(1, texts.size()));
	}

	private static Families parseFamilies(List<String> lines) {
		Families families = new Families(new LinkedHashMap<>(), new ArrayList<>());
		Family family = null;
		for (String line : lines) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("@values ")) {
				String[] definition = line.substring(8).split(":", 2);
				families.values.put(definition[0].strip(),
						List.of(definition[1].strip().split("\\s*\\|\\s*")));
			}
			else if (line.startsWith("@family ")) {
				String[] header = line.substring(8).split("\\|");
				family = new Family(header[0].strip(), header[1].strip());
				families.families.add(family);
			}
			else if (family != null) {
				String[] entry = line.split(":", 2);
				String text = entry[1].strip();
				switch (entry[0]) {
					case "style" -> family.list = text.equals("list");
					case "title" -> family.titles.add(text);
					case "intro" -> family.intros.add(text);
					case "line" -> family.lines.add(text);
					case "reply" -> family.replies.add(text);
					default -> throw new IllegalStateException("unknown entry in generated.txt: " + line);
				}
			}
		}
		return families;
	}

	private static String fill(String template, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalStateException("no @values for {" + matcher.group(1) + "} in generated.txt");
			}
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(filled).toString();
	}

	private static String pick(Random random, List<String> options) {
		return options.get(random.nextInt(options.size()));
	}

	private record Families(Map<String, List<String>> values, List<Family> families) {
	}

	private static final class Family {

		final String key;

		final String board;

		boolean list;

		final List<String> titles = new ArrayList<>();

		final List<String> intros = new ArrayList<>();

		final List<String> lines = new ArrayList<>();

		final List<String> replies = new ArrayList<>();

		Family(String key, String board) {
			this.key = key;
			this.board = board;
		}
	}
}
