package com.forum.shared;

/**
 * A fact that happened in the domain. Events are small past-tense records carrying ids; they are
 * written to the outbox in the transaction that caused them and delivered after it commits.
 */
public interface DomainEvent {
}
