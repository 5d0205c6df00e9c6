package com.forum.petition;

import java.time.Instant;
import java.util.List;

import com.forum.board.BoardId;

/**
 * A petition as other read models (such as search) copy it, read from one row at one moment.
 * {@code votes} is the folded count, a second or so behind the shards. {@code indexVersion} is drawn
 * from a sequence by every change to any of these fields, so a copy made from a later state always
 * carries a larger number and copies can refuse stale updates (an official response draws one too).
 * {@code officialResponses} are the public official words, oldest first, as written (Markdown);
 * internal notes are never part of a snapshot.
 */
public record PetitionSnapshot(PetitionId id, BoardId boardId, String title, PetitionStatus status, int votes,
		Instant createdAt, Instant statusChangedAt, long indexVersion, String description, List<String> tags,
		String officialResponses) {

	/** A snapshot with only what similar-petition detection needs. */
	public PetitionSnapshot(PetitionId id, BoardId boardId, String title, PetitionStatus status, int votes,
			Instant createdAt, Instant statusChangedAt, long indexVersion) {
		this(id, boardId, title, status, votes, createdAt, statusChangedAt, indexVersion, null, List.of(), null);
	}
}
