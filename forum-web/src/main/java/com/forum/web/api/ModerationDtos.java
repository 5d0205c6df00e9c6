package com.forum.web.api;

import java.time.Instant;
import java.util.Map;

import com.forum.web.api.ApiDtos.AuthorResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Flags, hidden posts and the moderators' queue on the API. */
final class ModerationDtos {

	private ModerationDtos() {
	}

	/**
	 * @param reason spam, rude, off-topic or other
	 * @param note why, in a few words: needed for "other", optional otherwise
	 */
	record FlagRequest(@NotBlank @Size(max = 20) @Schema(example = "spam") String reason, String note) {
	}

	/** A member's open flag of a post, as first given; flagging again answers the same. */
	record FlagResponse(String kind, long postId, String reason, Instant flaggedAt) {
	}

	/**
	 * @param reason spam, rude, off-topic or other
	 * @param note why: needed for "other", optional otherwise
	 */
	record HideRequest(@NotBlank @Size(max = 20) @Schema(example = "rude") String reason, String note) {
	}

	/**
	 * A post waiting for a moderator.
	 *
	 * @param kind thread (the opening post) or reply
	 * @param since when it first needed review
	 * @param flags open flags by reason
	 * @param hidden who hid it and why, or null when it is not hidden
	 */
	record ReviewItemResponse(String kind, long postId, long threadId, String threadTitle, Long replyId,
			AuthorResponse author, int authorLevel, String excerpt, Instant since, Map<String, Integer> flags,
			int flagCount, HiddenResponse hidden) {
	}

	record HiddenResponse(AuthorResponse by, String reason, String note, Instant at) {
	}
}
