package com.forum.shared;

/** Where an event's delivery to one listener stands. */
public enum EventDeliveryState {

	/** Published or being delivered, not yet done. */
	PENDING,

	/** Its last delivery failed; it is retried with back-off until the bound is reached. */
	FAILED,

	/** It failed as often as the bound allows and waits for an admin to resubmit it. */
	ABANDONED
}
