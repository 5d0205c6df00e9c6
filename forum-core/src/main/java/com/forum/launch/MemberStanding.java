package com.forum.launch;

import java.time.Instant;

/**
 * A launch as one member stands towards it.
 *
 * @param level the member's level number
 * @param windowLevel the lowest level of the window that applies to them; 0 for the general opening
 * @param windowStart when they may first reserve
 * @param eligibility whether they may reserve now, and if not why
 * @param reservation their active reservation, or null
 * @param waitlistPosition their place on the waitlist (1 = next), or null
 * @param watching whether they asked to be told when their window opens
 */
public record MemberStanding(int level, int windowLevel, Instant windowStart, Eligibility eligibility,
		Reservation reservation, Integer waitlistPosition, boolean watching) {

	public enum Eligibility {
		/** They may reserve now. */
		OPEN,
		/** Their window opens at windowStart. */
		NOT_YET,
		/** They hold a slot already. */
		RESERVED,
		/** No slot is left; they may join the waitlist. */
		SOLD_OUT,
		PAUSED, CLOSED
	}
}
