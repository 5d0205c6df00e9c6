package com.forum.search.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildPaceTest {

	@Test
	void aBackfillAheadOfItsRateWaitsForTheDifference() {
		assertThat(AliasedIndex.nanosAhead(500, Duration.ofMillis(200).toNanos(), 1_000))
			.isEqualTo(Duration.ofMillis(300).toNanos());
	}

	@Test
	void aBackfillBehindItsRateGoesOnAtOnce() {
		assertThat(AliasedIndex.nanosAhead(500, Duration.ofMillis(800).toNanos(), 1_000)).isZero();
	}

	@Test
	void noRateMeansNoWait() {
		assertThat(AliasedIndex.nanosAhead(1_000_000, 0, 0)).isZero();
	}

	@Test
	void aMillionDocumentsAtAThousandASecondTakeAThousandSeconds() {
		assertThat(Duration.ofNanos(AliasedIndex.nanosAhead(1_000_000, 0, 1_000))).isEqualTo(Duration.ofSeconds(1_000));
	}
}
