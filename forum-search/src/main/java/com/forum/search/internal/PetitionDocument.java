package com.forum.search.internal;

import java.time.Instant;

import com.forum.petition.PetitionSnapshot;
import com.forum.petition.TitleSimilarity;

/**
 * A petition as stored in the petitions index: just what similar-petition detection shows. Votes
 * are the folded count, which follows the votes a second or so behind. The similarity title is the
 * title without its filler words ({@link TitleSimilarity#clean}), what similar titles are matched on.
 */
public record PetitionDocument(long petitionId, long boardId, String title, String similarityTitle, String status,
		int votes, Instant createdAt, Instant statusChangedAt) {

	static PetitionDocument of(PetitionSnapshot petition, TitleSimilarity similarity) {
		return new PetitionDocument(petition.id().value(), petition.boardId().value(), petition.title(),
				similarity.clean(petition.title()), petition.status().name(), petition.votes(), petition.createdAt(),
				petition.statusChangedAt());
	}
}
