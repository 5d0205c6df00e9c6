package com.forum.petition;

import java.time.Instant;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** An employee exported the triage queue (as CSV): how many petitions, chosen by which filter. */
public record PetitionsExported(MemberId actorId, int rows, String filter, Instant at) implements DomainEvent {
}
