package com.forum.search.internal;

import java.time.Instant;

import com.forum.petition.PetitionDetails;

/**
 * A petition as stored in the petitions index: just what similar-petition detection shows. Votes
 * are as of the last indexing (a submission or status change), a hint rather than the tally.
 */
public record PetitionDocument(long petitionId, long boardId, String title, String status, int votes,
		Instant createdAt, Instant statusChangedAt) {

	static PetitionDocument of(PetitionDetails petition) {
		return new PetitionDocument(petition.id().value(), petition.boardId().value(), petition.title(),
				petition.status().name(), petition.votes(), petition.createdAt(), petition.statusChangedAt());
	}
}
