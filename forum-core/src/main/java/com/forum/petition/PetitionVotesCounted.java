package com.forum.petition;

import java.util.List;

import com.forum.shared.DomainEvent;

/**
 * The stored vote counts of these petitions moved: one event per fold of the vote shards, however
 * many votes it folded, so read models can copy the new counts in one go.
 */
public record PetitionVotesCounted(List<PetitionId> petitionIds) implements DomainEvent {
}
