package com.forum.web.pages;

import com.forum.petition.PetitionProperties;
import com.forum.petition.PetitionStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class PetitionFmtTest {

	private final PetitionFmt fmt = new PetitionFmt(
			new Binder(new MapConfigurationPropertySource()).bindOrCreate("forum.petitions", PetitionProperties.class));

	@Test
	void aBadgeShowsTheStatusInTheDomainsWordsCapitalized() {
		assertThat(fmt.label(PetitionStatus.UNDER_REVIEW)).isEqualTo("Under review");
		assertThat(fmt.label("SUBMITTED")).isEqualTo("Submitted");
		assertThat(fmt.css(PetitionStatus.IN_PROGRESS)).isEqualTo("status-in-progress");
	}

	@Test
	void somethingThatIsNoStatusHasNoLabel() {
		assertThat(fmt.label("nonsense")).isEmpty();
		assertThat(fmt.label(null)).isEmpty();
	}
}
