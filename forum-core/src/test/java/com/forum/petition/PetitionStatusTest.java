package com.forum.petition;

import org.junit.jupiter.api.Test;

import static com.forum.petition.PetitionStatus.DECLINED;
import static com.forum.petition.PetitionStatus.DUPLICATE;
import static com.forum.petition.PetitionStatus.IN_PROGRESS;
import static com.forum.petition.PetitionStatus.PLANNED;
import static com.forum.petition.PetitionStatus.SHIPPED;
import static com.forum.petition.PetitionStatus.SUBMITTED;
import static com.forum.petition.PetitionStatus.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

class PetitionStatusTest {

	@Test
	void openPetitionsStillWaitForADecisionOrItsDelivery() {
		assertThat(PetitionStatus.OPEN).containsExactly(SUBMITTED, UNDER_REVIEW, PLANNED, IN_PROGRESS);
		assertThat(PetitionStatus.OPEN).allMatch(PetitionStatus::isOpen);
		assertThat(SHIPPED.isOpen()).isFalse();
		assertThat(DECLINED.isOpen()).isFalse();
		assertThat(DUPLICATE.isOpen()).isFalse();
	}

	@Test
	void aStatusReadsAsWords() {
		assertThat(UNDER_REVIEW.label()).isEqualTo("under review");
		assertThat(IN_PROGRESS.label()).isEqualTo("in progress");
		assertThat(SHIPPED.label()).isEqualTo("shipped");
	}
}
