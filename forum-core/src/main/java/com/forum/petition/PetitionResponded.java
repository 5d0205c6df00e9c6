package com.forum.petition;

import java.util.UUID;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** An official response that leaves the status as it is. */
public record PetitionResponded(UUID eventId, PetitionId petitionId, MemberId actorId, String response)
		implements DomainEvent {
}
