package com.forum.petition;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

public record PetitionSubmitted(PetitionId petitionId, MemberId authorId) implements DomainEvent {
}
