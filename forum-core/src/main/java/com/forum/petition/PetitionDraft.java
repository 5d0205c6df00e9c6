package com.forum.petition;

import java.util.Set;

import com.forum.board.BoardId;

/** What a member fills in to submit a petition; device facts and tags are optional. */
public record PetitionDraft(BoardId board, String title, String description, String deviceModel,
		String firmwareVersion, Set<String> tags) {
}
