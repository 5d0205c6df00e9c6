package com.forum.web.searchquality;

import java.util.List;
import java.util.Map;

/**
 * The figures a ranking of thread keys gets for one judged query. Grades are 0 to 3; the gain of a
 * grade is 2^grade - 1, so one thread that was sought outweighs several merely related ones.
 */
final class RankingMetrics {

	static final int CUTOFF = 10;

	/** The lowest grade that counts as relevant for the reciprocal rank. */
	static final int RELEVANT = 2;

	private RankingMetrics() {
	}

	/** nDCG@10: the discounted gain of the first ten, over that of the best possible ten. */
	static double ndcgAt10(List<String> ranking, Map<String, Integer> grades) {
		double ideal = dcg(grades.values().stream().sorted((a, b) -> b - a).toList());
		if (ideal == 0) {
			return 0;
		}
		return dcg(ranking.stream().map(key -> grades.getOrDefault(key, 0)).toList()) / ideal;
	}

	/** 1 / the rank of the first thread graded relevant or better, 0 when none came back. */
	static double reciprocalRank(List<String> ranking, Map<String, Integer> grades) {
		for (int i = 0; i < ranking.size(); i++) {
			if (grades.getOrDefault(ranking.get(i), 0) >= RELEVANT) {
				return 1.0 / (i + 1);
			}
		}
		return 0;
	}

	private static double dcg(List<Integer> gradesInOrder) {
		double sum = 0;
		for (int i = 0; i < Math.min(CUTOFF, gradesInOrder.size()); i++) {
			sum += (Math.pow(2, gradesInOrder.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
		}
		return sum;
	}
}
