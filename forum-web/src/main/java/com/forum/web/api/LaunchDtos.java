package com.forum.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

/** What the launches API takes and answers with. Durations are ISO-8601 ("PT48H") or short ("48h"). */
final class LaunchDtos {

	private LaunchDtos() {
	}

	/**
	 * A launch as staff write it.
	 *
	 * @param windows priority windows: members of minLevel and above reserve from opensBefore ahead of opensAt
	 * @param pointsPrice points held at reservation and spent when the store redeems the code; none if left out
	 * @param validity how long a reservation waits for the store; the configured default if left out
	 * @param draft whether members see it only once staff open it (POST .../open)
	 */
	record LaunchRequest(@Size(max = 500) String product, Integer slots, Instant opensAt,
			@Size(max = 50) List<WindowRequest> windows, Integer pointsPrice, @Size(max = 40) String validity,
			Boolean draft) {
	}

	/** @param opensBefore how long before the general opening, e.g. {@code PT48H} or {@code 48h} */
	record WindowRequest(Integer minLevel, @Size(max = 40) String opensBefore) {
	}

	/** @param startsAt when members of minLevel and above may first reserve */
	record WindowResponse(int minLevel, String opensBefore, Instant startsAt) {
	}

	/**
	 * @param state {@code draft}, {@code open} (scheduled or selling), {@code paused} or {@code closed}
	 * @param slotsLeft slots not held by a pending or confirmed reservation
	 * @param me how the signed-in member stands towards it; null when signed out
	 */
	record LaunchResponse(long id, String product, int slots, int slotsLeft, Instant opensAt,
			List<WindowResponse> windows, Integer pointsPrice, String validity, String state, StandingResponse me) {
	}

	/**
	 * @param level the member's level, e.g. {@code Lv3}
	 * @param windowLevel the lowest level of the window that applies to them; 0 for the general opening
	 * @param windowStart when they may first reserve
	 * @param eligibility {@code open} (they may reserve now), {@code not_yet}, {@code reserved},
	 * {@code sold_out}, {@code paused} or {@code closed}
	 * @param reservation their active reservation, with its code
	 * @param waitlistPosition their place on the waitlist (1 = next), or null
	 * @param watching whether they are told when their window opens
	 */
	record StandingResponse(String level, int windowLevel, Instant windowStart, String eligibility,
			ReservationResponse reservation, Integer waitlistPosition, boolean watching) {
	}

	/**
	 * @param code the single-use reservation code the store redeems
	 * @param state {@code pending}, {@code confirmed}, {@code cancelled} or {@code expired}
	 * @param promoted whether the slot came from the waitlist
	 * @param expiresAt when a pending reservation lapses unless the store redeems it
	 */
	record ReservationResponse(long id, long launchId, String product, String code, String state,
			Integer pointsPrice, boolean promoted, Instant createdAt, Instant expiresAt, Instant settledAt) {
	}

	/** @param position the member's place, 1 being the next served */
	record WaitlistResponse(int position) {
	}

	/**
	 * @param stockInRedis slots left as admission sees them; null while its keys are rebuilt
	 * @param attemptsPerSecond reservation attempts per second over the last minute
	 * @param rejections attempts by outcome: SOLD_OUT, NOT_YET, ALREADY, PAUSED, CLOSED, and ADMITTED
	 */
	record FiguresResponse(long launchId, int slots, int taken, int pending, int confirmed, int waitlist,
			Long stockInRedis, double attemptsPerSecond, Map<String, Long> rejections) {
	}
}
