package com.forum.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * One event owed to one listener, as an admin sees it.
 *
 * @param id the publication's id in the registry
 * @param state where it stands
 * @param eventType the event's class
 * @param event the event as stored (JSON)
 * @param listener the listener it is owed to
 * @param attempts how many times it was resubmitted after the first delivery
 * @param publishedAt when the event was published
 * @param lastAttemptAt when it was last resubmitted, if ever
 * @param lastError why the last delivery failed, if it did
 */
public record EventDelivery(UUID id, EventDeliveryState state, String eventType, String event, String listener,
		int attempts, Instant publishedAt, Instant lastAttemptAt, String lastError) {
}
