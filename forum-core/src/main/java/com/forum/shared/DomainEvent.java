package com.forum.shared;

/**
 * A fact that happened in the domain. Events are small past-tense records carrying ids. They are
 * published inside the transaction that caused them; Spring Modulith records one publication per
 * interested listener in that same transaction and delivers it after commit, so an event exists
 * exactly when the change does and is retried until its listener succeeds.
 */
public interface DomainEvent {
}
