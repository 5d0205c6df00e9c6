package com.forum.web.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeZoneChoicesTest {

	private static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");

	@Test
	void theCommunitysZonesComeFirstThenEveryOtherRegionSorted() {
		TimeZoneChoices choices = TimeZoneChoices.at(WINTER, Locale.ENGLISH);

		assertThat(choices.common()).extracting(TimeZoneChoices.Choice::id).containsExactly("Asia/Shanghai",
				"Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Kolkata", "Europe/London", "Europe/Berlin",
				"America/New_York", "America/Los_Angeles", "UTC");
		assertThat(choices.others()).extracting(TimeZoneChoices.Choice::id)
			.isSorted()
			.contains("Europe/Paris", "Australia/Sydney")
			.doesNotContain("Asia/Shanghai", "UTC", "PST8PDT", "Etc/GMT+5", "SystemV/EST5");
	}

	@Test
	void eachIsLabelledWithItsNameInTheReadersLanguageAndItsOffsetAtTheTime() {
		assertThat(TimeZoneChoices.at(WINTER, Locale.SIMPLIFIED_CHINESE).common().getFirst().label())
			.isEqualTo("Asia/Shanghai · 中国时间 (UTC+8)");
		assertThat(TimeZoneChoices.at(WINTER, Locale.ENGLISH).common())
			.filteredOn(choice -> choice.id().equals("Asia/Kolkata"))
			.singleElement()
			.extracting(TimeZoneChoices.Choice::label)
			.asString()
			.endsWith("(UTC+5:30)");
		assertThat(TimeZoneChoices.at(Instant.parse("2026-07-15T12:00:00Z"), Locale.ENGLISH).common())
			.filteredOn(choice -> choice.id().equals("America/New_York"))
			.singleElement()
			.extracting(TimeZoneChoices.Choice::label)
			.asString()
			.endsWith("(UTC-4)");
	}

	@Test
	void onlyOfferedZonesAreAccepted() {
		assertThat(TimeZoneChoices.parse("Europe/Berlin")).contains(ZoneId.of("Europe/Berlin"));
		assertThat(TimeZoneChoices.parse("UTC")).contains(ZoneId.of("UTC"));
		assertThat(TimeZoneChoices.parse("Mars/Olympus_Mons")).isEmpty();
		assertThat(TimeZoneChoices.parse("GMT+8")).isEmpty();
		assertThat(TimeZoneChoices.parse(null)).isEmpty();
	}
}
