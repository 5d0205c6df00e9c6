package com.forum.web.searchquality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A petition being typed and an existing one, labelled by meaning: a duplicate is the same ask, which
 * "similar petitions" should show; anything else it should not.
 *
 * @param existing key of the existing petition in {@code petitions.tsv}
 * @param kind what makes the pair hard: reword, order, synonym, filler or area
 * @param heldOut one of the pairs written before detection was tuned and kept out of the tuning
 *     ({@code petition-pairs-heldout.tsv}): whether the scoring holds on pairs it was not fitted to
 */
record PetitionPair(boolean duplicate, String existing, String kind, String title, boolean heldOut) {

	String language() {
		return existing.startsWith("p-zh-") ? "zh" : "en";
	}

	/** The pairs detection is tuned on. */
	static List<PetitionPair> load() {
		return load("petition-pairs.tsv", false);
	}

	/** The pairs detection is checked on and never tuned on. */
	static List<PetitionPair> loadHeldOut() {
		return load("petition-pairs-heldout.tsv", true);
	}

	private static List<PetitionPair> load(String file, boolean heldOut) {
		List<PetitionPair> pairs = new ArrayList<>();
		for (String[] columns : rows(file)) {
			pairs.add(new PetitionPair(columns[0].equals("1"), columns[1], columns[2], columns[3], heldOut));
		}
		return pairs;
	}

	/** The existing petitions' titles by key. */
	static Map<String, String> existingTitles() {
		Map<String, String> titles = new LinkedHashMap<>();
		for (String[] columns : rows("petitions.tsv")) {
			titles.put(columns[0], columns[1]);
		}
		return titles;
	}

	private static List<String[]> rows(String file) {
		return SearchQualityCorpus.lines(file)
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split("\t"))
			.toList();
	}
}
