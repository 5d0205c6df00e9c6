package com.forum.satisfaction;

import com.forum.board.BoardId;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;

/**
 * What is rated, with the facts its rules need: who may rate it and whether it can be rated yet.
 * The facts are read from the discussion and petition features when a rating is given.
 */
sealed interface RatingSubject {

	SubjectKind kind();

	long id();

	/** The board (product area) the subject belongs to. */
	BoardId board();

	/** Refuses a rater the subject does not take, or a rating it does not take yet. */
	void checkRateableBy(Actor rater);

	/** Whether {@link #checkRateableBy} would let the rater rate, for offering the choice. */
	default boolean rateableBy(Actor rater) {
		try {
			checkRateableBy(rater);
			return true;
		}
		catch (PermissionDeniedException | RuleViolationException ex) {
			return false;
		}
	}

	/**
	 * A thread: rated by its asker alone, when it is a question on a support board and an answer is
	 * accepted.
	 */
	record Question(TopicId topic, BoardId board, MemberId asker, boolean onSupportBoard, boolean solved)
			implements RatingSubject {

		@Override
		public SubjectKind kind() {
			return SubjectKind.QUESTION;
		}

		@Override
		public long id() {
			return topic.value();
		}

		@Override
		public void checkRateableBy(Actor rater) {
			if (!onSupportBoard) {
				throw new RuleViolationException("not-a-support-question",
						"Only questions on support boards are rated, by their askers.");
			}
			if (!rater.is(asker)) {
				throw new PermissionDeniedException("rate-question", "Only the asker rates the help they got.");
			}
			if (!solved) {
				throw new RuleViolationException("question-not-solved",
						"A question can be rated once one of its answers is accepted.");
			}
		}
	}

	/**
	 * A petition: rated by its author and its voters, once it has shipped or been declined.
	 *
	 * @param voted whether the one rating backs the petition with a vote
	 */
	record PetitionOutcome(PetitionId petition, BoardId board, MemberId author, PetitionStatus status, boolean voted)
			implements RatingSubject {

		@Override
		public SubjectKind kind() {
			return SubjectKind.PETITION;
		}

		@Override
		public long id() {
			return petition.value();
		}

		@Override
		public void checkRateableBy(Actor rater) {
			if (!rater.is(author) && !voted) {
				throw new PermissionDeniedException("rate-petition",
						"Only the author and the voters of a petition rate its outcome.");
			}
			if (status != PetitionStatus.SHIPPED && status != PetitionStatus.DECLINED) {
				throw new RuleViolationException("petition-not-decided",
						"A petition can be rated once it has shipped or been declined.");
			}
		}
	}
}
