package com.forum.reputation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReputationLevelsTest {

	private final Reputation reputation = new Reputation(null, null,
			new ReputationProperties(List.of(0L, 50L, 150L, 400L)));

	@Test
	void aLevelStartsExactlyAtItsThreshold() {
		assertThat(reputation.levelFor(49).number()).isEqualTo(1);
		assertThat(reputation.levelFor(50).number()).isEqualTo(2);
		assertThat(reputation.levelFor(50).next()).isEqualTo(150L);
	}

	@Test
	void negativeReputationIsStillTheFirstLevelAndTheTopHasNoNext() {
		assertThat(reputation.levelFor(-30)).isEqualTo(new Level(1, 0, 50L));
		assertThat(reputation.levelFor(1_000_000)).satisfies(level -> {
			assertThat(level.number()).isEqualTo(4);
			assertThat(level.isTop()).isTrue();
			assertThat(level.label()).isEqualTo("Lv4");
		});
	}

	@Test
	void aLadderThatDoesNotRiseIsRefused() {
		assertThat(new ReputationProperties(List.of(0L, 50L, 50L)).isLevelsRising()).isFalse();
		assertThat(new ReputationProperties(List.of(0L, 50L, 60L)).isLevelsRising()).isTrue();
	}
}
