package com.forum.web.api;

import java.time.Instant;
import java.util.List;

import com.forum.poll.PollDraft;
import com.forum.poll.PollResults;
import io.swagger.v3.oas.annotations.media.Schema;

/** Polls in threads as the API takes and gives them. */
final class PollDtos {

	private PollDtos() {
	}

	/**
	 * A poll to ask. The rules (2 to 20 options, their lengths, no option twice, a closing time in the
	 * future) are the forum's, answered as problem details naming the field.
	 */
	record PollRequest(@Schema(description = "The question") String question,
			@Schema(description = "The options in the order shown, each once") List<String> options,
			@Schema(description = "Whether a vote may choose several options; none: one option") Boolean multiple,
			@Schema(description = "For multiple choice, the most options one vote chooses; none: all of them") Integer maxChoices,
			@Schema(description = "When the poll stops taking votes; none: when its author closes it") Instant closesAt) {

		PollDraft draft() {
			return new PollDraft(question, options, Boolean.TRUE.equals(multiple), maxChoices, closesAt);
		}
	}

	/** The options chosen: exactly one for single choice, up to {@code maxChoices} for multiple. */
	record VoteRequest(List<Long> optionIds) {
	}

	/**
	 * A poll as the caller sees it: the counts ({@code votes}) are null until the caller has voted or
	 * the poll has closed.
	 *
	 * @param chosen the options the caller chose, empty when they have not voted
	 */
	record PollResponse(long id, long threadId, String question, boolean multiple, int maxChoices,
			Instant closesAt, boolean closed, long voters, boolean resultsShown, List<OptionResponse> options,
			List<Long> chosen) {

		static PollResponse of(PollResults poll) {
			return new PollResponse(poll.id().value(), poll.topicId().value(), poll.question(), poll.multiple(),
					poll.maxChoices(), poll.closesAt(), poll.closed(), poll.voters(), poll.resultsShown(),
					poll.options().stream().map(o -> new OptionResponse(o.id(), o.label(), o.votes())).toList(),
					poll.chosen().stream().sorted().toList());
		}
	}

	/** @param votes members who chose it; null while the results are not shown to the caller */
	record OptionResponse(long id, String label, Long votes) {
	}
}
