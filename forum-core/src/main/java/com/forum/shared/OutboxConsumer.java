package com.forum.shared;

/**
 * Reacts to domain events after the transaction that recorded them has committed. Delivery is at
 * least once and unordered, so a consumer must be idempotent: reload state by id rather than trust
 * the event's moment.
 */
public interface OutboxConsumer {

	/** A stable name; pending deliveries are stored under it, so renaming orphans them. */
	String name();

	boolean accepts(DomainEvent event);

	/** Throwing schedules a retry with back-off. */
	void handle(DomainEvent event) throws Exception;
}
