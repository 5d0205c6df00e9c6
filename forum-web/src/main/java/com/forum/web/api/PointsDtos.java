package com.forum.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What the points API answers with. */
final class PointsDtos {

	private PointsDtos() {
	}

	/**
	 * @param balance the sum of the member's entries
	 * @param held points set aside by open holds (redemptions, reservations)
	 * @param available what may be spent now: balance less held
	 */
	record PointsResponse(long balance, long held, long available, long reputation, CheckInStateResponse checkIn,
			List<HoldResponse> holds, PageResponse<EntryResponse> history) {
	}

	/** @param reverses the entry this one compensates, if it is a reversal */
	record EntryResponse(long id, int amount, String reason, String subject, String note, Long reverses,
			boolean reversed, LocalDate day, Instant at) {
	}

	record HoldResponse(long id, int amount, String purpose, String state, Instant createdAt, Instant expiresAt) {
	}

	/**
	 * @param first whether this request checked in; false when the member had already checked in today
	 * @param points points the check-in earned, the streak bonus included
	 */
	record CheckInResponse(LocalDate day, int streak, int points, boolean first) {
	}

	/** @param daysToBonus check-ins still needed for the next streak bonus, today's included */
	record CheckInStateResponse(LocalDate today, boolean checkedInToday, int streak, int daysToBonus) {
	}

	record CalendarResponse(YearMonth month, LocalDate today, boolean checkedInToday, int streak, int daysToBonus,
			List<LocalDate> checkedIn) {
	}
}
