package com.forum.petition;

import com.forum.member.MemberId;
import com.forum.shared.DomainEvent;

/** A member backed a petition ({@code cast}) or took their vote back; carries the author it concerns. */
public record PetitionVoted(PetitionId petitionId, MemberId authorId, MemberId voterId, boolean cast)
		implements DomainEvent {
}
