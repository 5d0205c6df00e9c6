package com.forum.petition;

import java.time.Instant;

import com.forum.board.BoardId;

/**
 * A petition as other read models (such as search) copy it, read from one row at one moment.
 * {@code votes} is the folded count, a second or so behind the shards. {@code indexVersion} is drawn
 * from a sequence by every change to any of these fields, so a copy made from a later state always
 * carries a larger number and copies can refuse stale updates.
 */
public record PetitionSnapshot(PetitionId id, BoardId boardId, String title, PetitionStatus status, int votes,
		Instant createdAt, Instant statusChangedAt, long indexVersion) {
}
