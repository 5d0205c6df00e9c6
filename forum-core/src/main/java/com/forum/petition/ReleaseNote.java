package com.forum.petition;

import java.time.Instant;
import java.util.List;

/**
 * A release with what it shipped (or, while a draft, what is to ship in it) and whom it credits.
 *
 * @param notes the notes as written, in Markdown
 * @param notesHtml the same rendered as HTML that is safe to put on a page
 */
public record ReleaseNote(ReleaseId id, String version, Instant releaseAt, String notes, String notesHtml,
		Instant publishedAt, List<Credit> shipped) {

	/** A shipped petition, credited to its author and its earliest backers. */
	public record Credit(PetitionSummary petition, List<String> earliestBackers) {
	}
}
