package com.forum.web.pages;

import com.forum.petition.PetitionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusFilterTest {

	@Test
	void openMeansWhatTheDomainCallsOpen() {
		assertThat(StatusFilter.statuses(StatusFilter.parse("Open", StatusFilter.ANY))).isEqualTo(PetitionStatus.OPEN);
	}

	@Test
	void aStatusIsReadInAnyCaseWithDashesOrSpaces() {
		assertThat(StatusFilter.parse("Under-Review", StatusFilter.ANY)).isEqualTo("under_review");
		assertThat(StatusFilter.parse(" in progress ", StatusFilter.ANY)).isEqualTo("in_progress");
		assertThat(StatusFilter.statuses("under_review")).containsExactly(PetitionStatus.UNDER_REVIEW);
	}

	@Test
	void anythingElseFallsBackToTheListsDefault() {
		assertThat(StatusFilter.parse("sideways", StatusFilter.OPEN)).isEqualTo(StatusFilter.OPEN);
		assertThat(StatusFilter.parse("", StatusFilter.ANY)).isEqualTo(StatusFilter.ANY);
		assertThat(StatusFilter.statuses(StatusFilter.ANY)).isEmpty();
	}
}
