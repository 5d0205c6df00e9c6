package com.forum.petition;

import java.time.Instant;
import java.util.List;

/** A release with what it shipped and whom it credits. */
public record ReleaseNote(ReleaseId id, String version, Instant releaseAt, String notes, Instant publishedAt,
		List<Credit> shipped) {

	/** A shipped petition, credited to its author and its earliest backers. */
	public record Credit(PetitionSummary petition, List<String> earliestBackers) {
	}
}
