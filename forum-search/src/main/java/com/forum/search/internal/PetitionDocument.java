package com.forum.search.internal;

import java.time.Instant;
import java.util.List;

import com.forum.petition.PetitionSnapshot;
import com.forum.petition.TitleSimilarity;

/**
 * A petition as stored in the petitions index: what similar-petition detection shows, and what the
 * site search finds petitions by (description, tags, official responses; never internal notes).
 * Votes are the folded count, which follows the votes a second or so behind. The similarity title is
 * the title without its filler words ({@link TitleSimilarity#clean}), what similar titles are matched on.
 */
public record PetitionDocument(long petitionId, long boardId, String title, String similarityTitle, String status,
		int votes, Instant createdAt, Instant statusChangedAt, String kind, String description, List<String> tags,
		String officialResponse) {

	/** The value of {@code kind}, shared with the posts and members indexes so one search can filter by it. */
	public static final String PETITION = "petition";

	static PetitionDocument of(PetitionSnapshot petition, TitleSimilarity similarity) {
		return new PetitionDocument(petition.id().value(), petition.boardId().value(), petition.title(),
				similarity.clean(petition.title()), petition.status().name(), petition.votes(), petition.createdAt(),
				petition.statusChangedAt(), PETITION, petition.description(), petition.tags(),
				petition.officialResponses());
	}
}
