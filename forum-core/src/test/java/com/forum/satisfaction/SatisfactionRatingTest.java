package com.forum.satisfaction;

import java.time.Instant;

import com.forum.board.BoardId;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SatisfactionRatingTest {

	private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

	private static final BoardId BOARD = new BoardId(7);

	private final Actor asker = new Actor(new MemberId(1), Role.MEMBER);

	private final Actor helper = new Actor(new MemberId(2), Role.MEMBER);

	private final Actor employee = new Actor(new MemberId(3), Role.EMPLOYEE);

	private final Actor admin = new Actor(new MemberId(4), Role.ADMIN);

	@Test
	void theAskerRatesTheirSolvedQuestion() {
		SatisfactionRating rating = SatisfactionRating.first(solved(), asker, new Score(5), NOW);

		assertThat(rating.score()).isEqualTo(new Score(5));
		assertThat(rating.ratedAt()).isEqualTo(NOW);
		assertThat(rating.pendingEvents())
			.containsExactly(new SatisfactionRated(SubjectKind.QUESTION, 10, asker.id(), 5, null));
	}

	@Test
	void nobodyButTheAskerRatesAQuestionNotEvenStaff() {
		for (Actor other : new Actor[] { helper, employee, admin }) {
			assertThatThrownBy(() -> SatisfactionRating.first(solved(), other, new Score(4), NOW))
				.isInstanceOf(PermissionDeniedException.class);
		}
	}

	@Test
	void aQuestionIsRatedOnlyOnceSolvedAndOnlyOnASupportBoard() {
		RatingSubject.Question open = new RatingSubject.Question(new TopicId(10), BOARD, asker.id(), true, false);
		RatingSubject.Question discussion = new RatingSubject.Question(new TopicId(11), BOARD, asker.id(), false,
				true);

		assertThatThrownBy(() -> SatisfactionRating.first(open, asker, new Score(4), NOW))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.code()).isEqualTo("question-not-solved"));
		assertThatThrownBy(() -> SatisfactionRating.first(discussion, asker, new Score(4), NOW))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.code()).isEqualTo("not-a-support-question"));
		assertThat(open.rateableBy(asker)).isFalse();
		assertThat(solved().rateableBy(asker)).isTrue();
		assertThat(solved().rateableBy(helper)).isFalse();
	}

	@Test
	void aRatingChangesAndEachChangeIsAnEvent() {
		SatisfactionRating rating = SatisfactionRating.first(solved(), asker, new Score(2), NOW);

		rating.change(solved(), asker, new Score(4), NOW.plusSeconds(60));
		rating.change(solved(), asker, new Score(4), NOW.plusSeconds(120));

		assertThat(rating.score().satisfied()).isTrue();
		assertThat(rating.ratedAt()).as("the same score again changes nothing").isEqualTo(NOW.plusSeconds(60));
		assertThat(rating.pendingEvents()).containsExactly(
				new SatisfactionRated(SubjectKind.QUESTION, 10, asker.id(), 2, null),
				new SatisfactionRated(SubjectKind.QUESTION, 10, asker.id(), 4, 2));
	}

	@Test
	void aChangeFollowsTheRulesOfTheSubjectAsItIsNow() {
		SatisfactionRating rating = SatisfactionRating.first(decided(PetitionStatus.DECLINED, true), helper,
				new Score(1), NOW);

		// reopened: under review again, so no longer rated until it is decided again
		assertThatThrownBy(() -> rating.change(decided(PetitionStatus.UNDER_REVIEW, true), helper, new Score(3), NOW))
			.isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.code()).isEqualTo("petition-not-decided"));
		assertThat(rating.score()).isEqualTo(new Score(1));
	}

	@Test
	void theAuthorAndTheVotersRateAShippedOrDeclinedPetition() {
		assertThat(decided(PetitionStatus.SHIPPED, false).rateableBy(asker)).as("the author").isTrue();
		assertThat(decided(PetitionStatus.SHIPPED, true).rateableBy(helper)).as("a voter").isTrue();
		assertThat(decided(PetitionStatus.DECLINED, true).rateableBy(helper)).as("a voter, declined").isTrue();

		assertThatThrownBy(() -> SatisfactionRating.first(decided(PetitionStatus.SHIPPED, false), employee,
				new Score(5), NOW))
			.as("neither author nor voter").isInstanceOf(PermissionDeniedException.class);
		for (PetitionStatus status : new PetitionStatus[] { PetitionStatus.SUBMITTED, PetitionStatus.UNDER_REVIEW,
				PetitionStatus.PLANNED, PetitionStatus.IN_PROGRESS, PetitionStatus.DUPLICATE }) {
			assertThatThrownBy(() -> SatisfactionRating.first(decided(status, true), helper, new Score(5), NOW))
				.as(status.name()).isInstanceOf(RuleViolationException.class);
		}
	}

	@Test
	void aScoreIsOneToFiveAndFourOrFiveIsSatisfied() {
		assertThatThrownBy(() -> new Score(0)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.field()).isEqualTo("rating"));
		assertThatThrownBy(() -> new Score(6)).isInstanceOf(InvalidInputException.class);
		assertThat(new Score(3).satisfied()).isFalse();
		assertThat(new Score(4).satisfied()).isTrue();
		assertThat(new Score(5).satisfied()).isTrue();
	}

	private RatingSubject.Question solved() {
		return new RatingSubject.Question(new TopicId(10), BOARD, asker.id(), true, true);
	}

	/** A petition by the asker; {@code voted} says whether the one rating has voted for it. */
	private RatingSubject.PetitionOutcome decided(PetitionStatus status, boolean voted) {
		return new RatingSubject.PetitionOutcome(new PetitionId(20), BOARD, asker.id(), status, voted);
	}
}
