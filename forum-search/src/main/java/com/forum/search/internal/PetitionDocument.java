package com.forum.search.internal;

import java.time.Instant;

import com.forum.petition.PetitionSnapshot;

/**
 * A petition as stored in the petitions index: just what similar-petition detection shows. Votes
 * are the folded count, which follows the votes a second or so behind.
 */
public record PetitionDocument(long petitionId, long boardId, String title, String status, int votes,
		Instant createdAt, Instant statusChangedAt) {

	static PetitionDocument of(PetitionSnapshot petition) {
		return new PetitionDocument(petition.id().value(), petition.boardId().value(), petition.title(),
				petition.status().name(), petition.votes(), petition.createdAt(), petition.statusChangedAt());
	}
}
