package com.forum.petition;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseSlotTest {

	@ParameterizedTest(name = "at {0} the next slot is {1}")
	@CsvSource({
			// Sunday evening UTC is Monday morning in Shanghai: the slot is the coming Tuesday
			"2026-11-22T12:00:00Z, 2026-11-24T04:00:00Z",
			// Tuesday 11:59 in Shanghai: still this week's slot
			"2026-11-24T03:59:00Z, 2026-11-24T04:00:00Z",
			// Tuesday 12:00 in Shanghai exactly: the slot has passed, next week
			"2026-11-24T04:00:00Z, 2026-12-01T04:00:00Z",
			// Wednesday: next week
			"2026-11-25T09:00:00Z, 2026-12-01T04:00:00Z" })
	void theDefaultSlotIsTheNextTuesdayNoonInShanghai(Instant now, Instant expected) {
		PetitionProperties rules = new PetitionProperties(Duration.ofDays(7), Duration.ofDays(7), DayOfWeek.TUESDAY,
				LocalTime.NOON, ZoneId.of("Asia/Shanghai"), 5, 5, List.of(), Duration.ofSeconds(1));
		ReleasePlanning planning = new ReleasePlanning(null, null, null, null, null, rules, Clock.fixed(now, ZoneOffset.UTC), null,
				null);

		assertThat(planning.nextReleaseSlot()).isEqualTo(expected);
	}
}
