package com.forum.web.searchquality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query as members type it, with the grade of every thread judged for it (3 = what was sought,
 * 2 = relevant, 1 = related); threads it does not list are not relevant.
 *
 * @param category what makes the query hard: short, reword, synonym, inflection, cross-field, typo,
 * phrase, mixed or plain
 * @param grades thread key to grade
 */
record JudgedQuery(String id, String category, String text, Map<String, Integer> grades) {

	/** "zh" when the query holds a Chinese character, "en" otherwise. */
	String language() {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "zh"
				: "en";
	}

	static List<JudgedQuery> load() {
		List<JudgedQuery> queries = new ArrayList<>();
		for (String line : SearchQualityCorpus.lines("queries.tsv")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t");
			Map<String, Integer> grades = new LinkedHashMap<>();
			for (String judgment : columns[3].strip().split("\\s+")) {
				int colon = judgment.lastIndexOf(':');
				grades.put(judgment.substring(0, colon), Integer.parseInt(judgment.substring(colon + 1)));
			}
			queries.add(new JudgedQuery(columns[0], columns[1], columns[2], grades));
		}
		return queries;
	}
}
