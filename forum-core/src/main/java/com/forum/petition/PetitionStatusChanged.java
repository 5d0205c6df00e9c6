package com.forum.petition;

import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A status change with the official response that explains it. */
public record PetitionStatusChanged(UUID eventId, PetitionId petitionId, PetitionStatus from, PetitionStatus to,
		MemberId actorId, String response) implements DomainEvent {
}
