package com.forum.web.searchquality;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The figures of one run: nDCG@10 and MRR over the judged queries (overall, per language, per
 * category), precision and recall of the similar petitions over the labelled pairs, and the queries
 * that did worst, as Markdown for {@code docs/search-quality.md}.
 */
record QualityReport(String label, ZonedDateTime at, String corpus, List<QueryResult> queries, List<PairResult> pairs,
		double threshold, Latency check) {

	/** How long one similar-petition check took, in milliseconds. */
	record Latency(int count, double p50, double p99) {

		static Latency of(List<Long> nanos) {
			List<Long> sorted = nanos.stream().sorted().toList();
			return new Latency(sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99));
		}

		private static double percentile(List<Long> sorted, double p) {
			return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(p * sorted.size()) - 1) / 1e6;
		}
	}

	private static final int WORST = 12;

	record QueryResult(JudgedQuery query, List<String> ranking, double ndcg, double reciprocalRank) {
	}

	/**
	 * @param found whether "similar petitions" showed the existing petition for the typed title
	 * @param score the existing petition's score for the typed title, 0 when it was not even a candidate
	 */
	record PairResult(PetitionPair pair, boolean found, double score) {
	}

	double ndcg() {
		return mean(queries, q -> true, QueryResult::ndcg);
	}

	double mrr() {
		return mean(queries, q -> true, QueryResult::reciprocalRank);
	}

	/** Over the pairs detection was tuned on; the held-out ones have their own figures. */
	double precision() {
		return precision(p -> !p.heldOut());
	}

	double recall() {
		return recall(p -> !p.heldOut());
	}

	private double precision(Predicate<PetitionPair> which) {
		long shown = pairs.stream().filter(p -> which.test(p.pair()) && p.found()).count();
		long right = pairs.stream().filter(p -> which.test(p.pair()) && p.found() && p.pair().duplicate()).count();
		return shown == 0 ? 1 : (double) right / shown;
	}

	private double recall(Predicate<PetitionPair> which) {
		long duplicates = pairs.stream().filter(p -> which.test(p.pair()) && p.pair().duplicate()).count();
		long found = pairs.stream().filter(p -> which.test(p.pair()) && p.pair().duplicate() && p.found()).count();
		return duplicates == 0 ? 1 : (double) found / duplicates;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("## ")
			.append(at.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
			.append(" UTC: ")
			.append(label)
			.append("\n\n")
			.append(corpus)
			.append("\n\n| queries | count | nDCG@10 | MRR |\n|---|---:|---:|---:|\n");
		row(md, "all", q -> true);
		row(md, "English", q -> q.language().equals("en"));
		row(md, "Chinese", q -> q.language().equals("zh"));
		queries.stream().map(q -> q.query().category()).distinct().sorted().forEach(category -> row(md,
				"category " + category, q -> q.category().equals(category)));
		md.append("\nSimilar petitions at the threshold ")
			.append(format(threshold))
			.append(" (a pair counts as shown when the existing petition is among the 20 found for the typed title):\n\n")
			.append("| pairs | count | duplicates | precision | recall | judged right |\n|---|---:|---:|---:|---:|---:|\n");
		pairRow(md, "tuning set", p -> !p.heldOut());
		pairRow(md, "English", p -> !p.heldOut() && p.language().equals("en"));
		pairRow(md, "Chinese", p -> !p.heldOut() && p.language().equals("zh"));
		pairs.stream().map(p -> p.pair().kind()).distinct().sorted().forEach(kind -> pairRow(md, "kind " + kind,
				p -> !p.heldOut() && p.kind().equals(kind)));
		pairRow(md, "held-out set", PetitionPair::heldOut);
		pairRow(md, "held-out English", p -> p.heldOut() && p.language().equals("en"));
		pairRow(md, "held-out Chinese", p -> p.heldOut() && p.language().equals("zh"));
		md.append("\nOne check (candidates, analysis and scoring) took ")
			.append("%.1f ms at the median and %.1f ms at the 99th percentile over %d checks."
				.formatted(check.p50(), check.p99(), check.count()));
		md.append("\n\nThe tuning pairs at other thresholds, to choose one:\n\n| threshold | precision | recall |\n|---:|---:|---:|\n");
		List<PairResult> tuning = pairs.stream().filter(p -> !p.pair().heldOut()).toList();
		for (int step = 6; step <= 18; step++) {
			double at = step * 0.05;
			long shown = tuning.stream().filter(p -> p.score() >= at).count();
			long right = tuning.stream().filter(p -> p.score() >= at && p.pair().duplicate()).count();
			long duplicates = tuning.stream().filter(p -> p.pair().duplicate()).count();
			md.append("| ")
				.append(format(at))
				.append(" | ")
				.append(format(shown == 0 ? 1 : (double) right / shown))
				.append(" | ")
				.append(format(duplicates == 0 ? 1 : (double) right / duplicates))
				.append(" |\n");
		}
		md.append("\nWorst queries (the first three threads found; * marks a judged one):\n\n")
			.append("| query | category | nDCG@10 | RR | found first |\n|---|---|---:|---:|---|\n");
		queries.stream()
			.sorted(Comparator.comparingDouble(QueryResult::ndcg).thenComparing(QueryResult::reciprocalRank))
			.limit(WORST)
			.forEach(q -> md.append("| ")
				.append(q.query().id())
				.append(" `")
				.append(q.query().text().replace("|", "\\|"))
				.append("` | ")
				.append(q.query().category())
				.append(" | ")
				.append(format(q.ndcg()))
				.append(" | ")
				.append(format(q.reciprocalRank()))
				.append(" | ")
				.append(q.ranking().isEmpty() ? "nothing"
						: q.ranking()
							.stream()
							.limit(3)
							.map(key -> q.query().grades().containsKey(key) ? key + "*" : key)
							.collect(Collectors.joining(", ")))
				.append(" |\n"));
		// the held-out pairs only as counts: listing them would invite tuning to them
		List<PairResult> wrong = tuning.stream().filter(p -> p.found() != p.pair().duplicate()).toList();
		md.append("\nTuning pairs judged wrongly: ").append(wrong.size()).append("\n\n");
		wrong.forEach(p -> md.append("- ")
			.append(p.pair().duplicate() ? "missed: `" : "shown wrongly: `")
			.append(p.pair().title())
			.append("` vs ")
			.append(p.pair().existing())
			.append(" (")
			.append(p.pair().kind())
			.append(", score ")
			.append(format(p.score()))
			.append(")\n"));
		return md.append('\n').toString();
	}

	/** One line per figure, for the console and the thresholds file. */
	Map<String, Double> figures() {
		Map<String, Double> figures = new LinkedHashMap<>();
		figures.put("ndcg10", ndcg());
		figures.put("mrr", mrr());
		figures.put("ndcg10.en", mean(queries, q -> q.language().equals("en"), QueryResult::ndcg));
		figures.put("ndcg10.zh", mean(queries, q -> q.language().equals("zh"), QueryResult::ndcg));
		figures.put("petitions.precision", precision());
		figures.put("petitions.recall", recall());
		figures.put("petitions.heldout.precision", precision(PetitionPair::heldOut));
		figures.put("petitions.heldout.recall", recall(PetitionPair::heldOut));
		return figures;
	}

	private void row(StringBuilder md, String name, Predicate<JudgedQuery> which) {
		long count = queries.stream().filter(q -> which.test(q.query())).count();
		md.append("| ")
			.append(name)
			.append(" | ")
			.append(count)
			.append(" | ")
			.append(format(mean(queries, which, QueryResult::ndcg)))
			.append(" | ")
			.append(format(mean(queries, which, QueryResult::reciprocalRank)))
			.append(" |\n");
	}

	private void pairRow(StringBuilder md, String name, Predicate<PetitionPair> which) {
		md.append("| ")
			.append(name)
			.append(" | ")
			.append(pairs.stream().filter(p -> which.test(p.pair())).count())
			.append(" | ")
			.append(pairs.stream().filter(p -> which.test(p.pair()) && p.pair().duplicate()).count())
			.append(" | ")
			.append(format(precision(which)))
			.append(" | ")
			.append(format(recall(which)))
			.append(" | ")
			.append(pairs.stream().filter(p -> which.test(p.pair()) && p.found() == p.pair().duplicate()).count())
			.append(" |\n");
	}

	private static double mean(List<QueryResult> results, Predicate<JudgedQuery> which,
			Function<QueryResult, Double> figure) {
		return results.stream().filter(r -> which.test(r.query())).mapToDouble(figure::apply).average().orElse(0);
	}

	private static String format(double value) {
		return "%.3f".formatted(value);
	}
}
