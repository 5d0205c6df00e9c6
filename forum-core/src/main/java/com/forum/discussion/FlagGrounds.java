package com.forum.discussion;

import com.forum.shared.InvalidInputException;

/**
 * Why a post is flagged or hidden: a reason, and a note that "other" cannot do without (the others
 * may add one).
 */
public record FlagGrounds(FlagReason reason, String note) {

	/** Reads what a request sent, refusing an unknown reason, a missing note for "other" or a long note. */
	public static FlagGrounds of(String reason, String note, int maxNoteLength) {
		FlagReason parsed = FlagReason.of(reason);
		String clean = note == null || note.isBlank() ? null : note.strip();
		if (parsed == FlagReason.OTHER && clean == null) {
			throw new InvalidInputException("note", "note-for-other", "a flag for another reason says why");
		}
		if (clean != null && clean.codePointCount(0, clean.length()) > maxNoteLength) {
			throw new InvalidInputException("note", "too-long", "must be at most " + maxNoteLength + " characters",
					maxNoteLength);
		}
		return new FlagGrounds(parsed, clean);
	}
}
