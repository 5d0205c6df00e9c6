package com.forum.launch;

/** A reservation waits for the store (pending) and ends confirmed, cancelled or expired. */
public enum ReservationState {

	PENDING, CONFIRMED, CANCELLED, EXPIRED;

	/** Whether it holds a slot. */
	public boolean active() {
		return this == PENDING || this == CONFIRMED;
	}
}
