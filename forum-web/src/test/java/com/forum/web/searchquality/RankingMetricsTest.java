package com.forum.web.searchquality;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {

	private static final Map<String, Integer> GRADES = Map.of("sought", 3, "relevant", 2, "related", 1);

	@Test
	void theIdealOrderScoresOneAndNothingFoundScoresZero() {
		assertThat(RankingMetrics.ndcgAt10(List.of("sought", "relevant", "related"), GRADES)).isEqualTo(1.0);
		assertThat(RankingMetrics.ndcgAt10(List.of(), GRADES)).isZero();
		assertThat(RankingMetrics.reciprocalRank(List.of(), GRADES)).isZero();
	}

	@Test
	void aSoughtThreadInSecondPlaceCostsItsDiscount() {
		// ideal: 7/1 + 3/log2(3) + 1/2; found: other, sought, relevant, related
		double ideal = 7 + 3 / log2(3) + 0.5;
		double found = 7 / log2(3) + 3 / 2.0 + 1 / log2(5);
		assertThat(RankingMetrics.ndcgAt10(List.of("other", "sought", "relevant", "related"), GRADES))
			.isCloseTo(found / ideal, within(1e-9));
		assertThat(RankingMetrics.reciprocalRank(List.of("other", "sought"), GRADES)).isEqualTo(0.5);
	}

	@Test
	void onlyTheFirstTenCountAndARelatedThreadIsNotARelevantRank() {
		List<String> late = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "sought");
		assertThat(RankingMetrics.ndcgAt10(late, GRADES)).isZero();
		assertThat(RankingMetrics.reciprocalRank(late, GRADES)).isEqualTo(1.0 / 11);
		assertThat(RankingMetrics.reciprocalRank(List.of("related", "relevant"), GRADES)).isEqualTo(0.5);
	}

	private static double log2(double x) {
		return Math.log(x) / Math.log(2);
	}
}
