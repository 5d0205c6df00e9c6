package com.forum.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekRangeTest {

	// a Sunday evening in UTC, already Monday morning in Shanghai
	private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");

	@Test
	void theWeeksEndWithTheOneNowFallsInWhereTheReaderIs() {
		WeekRange utc = WeekRange.last(3, ZoneId.of("UTC"), NOW);
		WeekRange shanghai = WeekRange.last(3, ZoneId.of("Asia/Shanghai"), NOW);

		assertThat(utc.mondays()).containsExactly(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"),
				LocalDate.parse("2026-11-23"));
		assertThat(shanghai.mondays()).last().isEqualTo(LocalDate.parse("2026-11-30"));
		assertThat(shanghai.from()).isEqualTo(Instant.parse("2026-11-15T16:00:00Z"));
		assertThat(shanghai.until()).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
	}

	@Test
	void theBoundsAreInstantsSoDaylightSavingTimeBucketsRight() {
		WeekRange berlin = WeekRange.last(2, ZoneId.of("Europe/Berlin"), Instant.parse("2026-10-27T12:00:00Z"));

		// summer time ended on Sunday 25 October 2026: that week is an hour longer
		assertThat(berlin.boundsParameter())
			.isEqualTo("{2026-10-18T22:00:00Z,2026-10-25T23:00:00Z,2026-11-01T23:00:00Z}");
	}

	@Test
	void emptyWeeksAreFilledIn() {
		WeekRange range = WeekRange.last(3, ZoneId.of("UTC"), NOW);

		assertThat(range.each(Map.of(2, "found"), LocalDate::toString))
			.containsExactly("2026-11-09", "found", "2026-11-23");
		assertThat(range.monday(3)).isEqualTo(LocalDate.parse("2026-11-23"));
	}

	@Test
	void aRangeHoldsOneToTwoYearsOfWeeks() {
		assertThatThrownBy(() -> WeekRange.last(0, ZoneId.of("UTC"), NOW)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> WeekRange.last(105, ZoneId.of("UTC"), NOW))
			.isInstanceOf(InvalidInputException.class);
	}
}
