package com.forum.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollTest {

	private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	private static final PollProperties RULES = new PollProperties(2, 20, 300, 200);

	private static final TopicId THREAD = new TopicId(7);

	private final Actor author = new Actor(new MemberId(1), Role.MEMBER);

	private final Actor stranger = new Actor(new MemberId(2), Role.MEMBER);

	private final Actor moderator = new Actor(new MemberId(3), Role.MODERATOR);

	@Test
	void aSingleChoicePollTakesExactlyOneOfItsOwnOptions() {
		Poll poll = stored(new PollDraft("Which colour?", List.of("Black", "White", "Blue"), false, null, null));

		assertThat(poll.choose(List.of(11L), NOW)).containsExactly(11L);
		assertThat(poll.mostChoices()).isEqualTo(1);
		assertRefused(() -> poll.choose(List.of(10L, 11L), NOW), "optionIds", "too-many-choices");
		assertRefused(() -> poll.choose(List.of(), NOW), "optionIds", "no-choice");
		assertRefused(() -> poll.choose(List.of(99L), NOW), "optionIds", "unknown-option");
	}

	@Test
	void aMultipleChoicePollTakesUpToItsMaximumAndCountsARepeatedOptionOnce() {
		Poll poll = stored(new PollDraft("Which apps?", List.of("Mail", "Notes", "Maps", "Music"), true, 2, null));

		assertThat(poll.choose(List.of(10L, 12L, 12L), NOW)).containsExactly(10L, 12L);
		assertRefused(() -> poll.choose(List.of(10L, 11L, 12L), NOW), "optionIds", "too-many-choices");

		Poll unbounded = stored(new PollDraft("Which apps?", List.of("Mail", "Notes", "Maps"), true, null, null));
		assertThat(unbounded.choose(List.of(10L, 11L, 12L), NOW)).hasSize(3);
	}

	@Test
	void aPollPastItsClosingTimeOrClosedByItsAuthorTakesNoVoteNorRetraction() {
		Poll timed = stored(new PollDraft("Soon over?", List.of("Yes", "No"), false, null, NOW.plusSeconds(60)));
		assertThat(timed.choose(List.of(10L), NOW)).containsExactly(10L);
		Instant later = NOW.plus(Duration.ofMinutes(2));
		assertThat(timed.isClosed(later)).isTrue();
		assertThatThrownBy(() -> timed.choose(List.of(10L), later)).isInstanceOfSatisfying(RuleViolationException.class,
				ex -> assertThat(ex.code()).isEqualTo("poll-closed"));
		assertThatThrownBy(() -> timed.checkRetractable(later)).isInstanceOf(RuleViolationException.class);

		Poll open = stored(new PollDraft("Open?", List.of("Yes", "No"), false, null, null));
		assertThatThrownBy(() -> open.close(stranger, NOW)).isInstanceOf(PermissionDeniedException.class);
		assertThat(open.close(author, NOW)).isTrue();
		assertThat(open.close(moderator, NOW)).as("closing a closed poll changes nothing").isFalse();
		assertThatThrownBy(() -> open.choose(List.of(11L), NOW)).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void aModeratorClosesAnotherMembersPollEarly() {
		Poll poll = stored(new PollDraft("Close me?", List.of("Yes", "No"), false, null, null));

		assertThat(poll.close(moderator, NOW)).isTrue();
		assertThat(poll.isClosed(NOW)).isTrue();
	}

	@Test
	void aChangedVoteIsCheckedAsAWholeAndReplacesTheEarlierChoices() {
		Poll poll = stored(new PollDraft("Which apps?", List.of("Mail", "Notes", "Maps"), true, 2, null));

		assertThat(poll.choose(List.of(10L), NOW)).containsExactly(10L);
		assertThat(poll.choose(List.of(11L, 12L), NOW)).as("the new choices, not added to the old")
			.containsExactly(11L, 12L);
	}

	@Test
	void aDraftIsRefusedForItsFirstMistake() {
		assertRefused(draft("  ", List.of("A", "B"), false, null, null), "question", "blank");
		assertRefused(draft("x".repeat(301), List.of("A", "B"), false, null, null), "question", "too-long");
		assertRefused(draft("Q?", List.of("Only one", " ", ""), false, null, null), "options", "option-count");
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			many.add("Option " + i);
		}
		assertRefused(draft("Q?", many, false, null, null), "options", "option-count");
		assertRefused(draft("Q?", List.of("Yes", " yes "), false, null, null), "options", "duplicate-option");
		assertRefused(draft("Q?", List.of("A", "b".repeat(201)), false, null, null), "options", "option-too-long");
		assertRefused(draft("Q?", List.of("A", "B"), true, 3, null), "maxChoices", "range");
		assertRefused(draft("Q?", List.of("A", "B"), true, 0, null), "maxChoices", "range");
		assertRefused(draft("Q?", List.of("A", "B"), false, null, NOW.minusSeconds(1)), "closesAt", "in-the-past");
	}

	@Test
	void aDraftKeepsItsOptionsInOrderWithoutBlankLinesAndIgnoresAMaximumForSingleChoice() {
		Poll poll = Poll.ask(new PollDraft(" Best? ", List.of(" First ", "", "Second"), false, 5, null), RULES, THREAD,
				author.id(), NOW);

		assertThat(poll.question()).isEqualTo("Best?");
		assertThat(poll.options()).extracting(PollOption::label).containsExactly("First", "Second");
		assertThat(poll.maxChoices()).isNull();
	}

	/** The draft's poll as stored: options numbered from 10. */
	private Poll stored(PollDraft draft) {
		Poll asked = Poll.ask(draft, RULES, THREAD, author.id(), NOW);
		List<PollOption> options = asked.options()
			.stream()
			.map(o -> new PollOption(10L + o.position(), o.position(), o.label()))
			.toList();
		return new Poll(1L, THREAD, author.id(), asked.question(), asked.multiple(), asked.maxChoices(),
				asked.closesAt(), null, options);
	}

	private ThrowingCallable draft(String question, List<String> options, boolean multiple, Integer max, Instant closes) {
		return () -> Poll.ask(new PollDraft(question, options, multiple, max, closes), RULES, THREAD, author.id(), NOW);
	}

	private static void assertRefused(ThrowingCallable action, String field, String reason) {
		assertThatThrownBy(action).isInstanceOfSatisfying(InvalidInputException.class, ex -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.reason()).isEqualTo(reason);
		});
	}
}
