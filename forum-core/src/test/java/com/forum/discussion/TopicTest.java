package com.forum.discussion;

import java.time.Instant;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.board.BoardKind;
import com.forum.board.BoardSummary;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.member.Role;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final BoardSummary SUPPORT = new BoardSummary(new BoardId(1), "support", "Support", "",
			BoardKind.SUPPORT);

	private static final BoardSummary DISCUSSION = new BoardSummary(new BoardId(2), "phone", "Phone", "",
			BoardKind.DISCUSSION);

	private final Actor asker = new Actor(new MemberId(1), Role.MEMBER);

	private final Actor stranger = new Actor(new MemberId(2), Role.MEMBER);

	private final Actor moderator = new Actor(new MemberId(3), Role.MODERATOR);

	@Test
	void aMemberTrustedWithWikiEditsEditsAnothersPostAndOthersAreToldWhatTheyLack() {
		Topic topic = topic(DISCUSSION);
		Actor wikiEditor = new Actor(new MemberId(4), Role.MEMBER, java.util.Set.of(Privilege.EDIT_OTHERS_POSTS));

		topic.edit(wikiEditor, "A clearer title", "tidied body", "<p>tidied body</p>", NOW);

		assertThat(topic.body()).isEqualTo("tidied body");
		assertThatThrownBy(() -> topic.edit(stranger, "Another title", "x", "x", NOW))
			.isInstanceOfSatisfying(PrivilegeRequiredException.class,
					ex -> assertThat(ex.privilege()).isEqualTo(Privilege.EDIT_OTHERS_POSTS));
		assertThatThrownBy(() -> topic.delete(wikiEditor, NOW)).as("a wiki edit is not a deletion")
			.isInstanceOf(PermissionDeniedException.class);
	}

	@Test
	void authorEditsAndTheOldTextIsKept() {
		Topic topic = topic(SUPPORT);

		PostRevision previous = topic.edit(asker, "New title here", "new body", "<p>new body</p>", NOW);

		assertThat(topic.title()).isEqualTo("New title here");
		assertThat(topic.body()).isEqualTo("new body");
		assertThat(previous.view("asker", false).title()).isEqualTo("How do I reset?");
		assertThat(previous.view("asker", false).body()).isEqualTo("body");
		assertThat(topic.pendingEvents()).containsExactly(new TopicChanged(topic.id(), "edited"));
	}

	@Test
	void strangersCannotEditOrDelete() {
		Topic topic = topic(SUPPORT);

		assertThatThrownBy(() -> topic.edit(stranger, "Other title", "x", "x", NOW))
			.isInstanceOf(PermissionDeniedException.class);
		assertThatThrownBy(() -> topic.delete(stranger, NOW)).isInstanceOf(PermissionDeniedException.class);
	}

	@Test
	void moderatorsDeleteAnyThreadAndADeletedThreadCannotChange() {
		Topic topic = topic(SUPPORT);

		topic.delete(moderator, NOW);

		assertThat(topic.isDeleted()).isTrue();
		assertThatThrownBy(() -> topic.edit(asker, "Another title", "x", "x", NOW))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void onlyModeratorsPinAndLock() {
		Topic topic = topic(DISCUSSION);

		assertThatThrownBy(() -> topic.pin(asker, true)).isInstanceOf(PermissionDeniedException.class);
		assertThatThrownBy(() -> topic.lock(asker, true)).isInstanceOf(PermissionDeniedException.class);

		topic.pin(moderator, true);
		topic.lock(moderator, true);

		assertThat(topic.pinned()).isTrue();
		assertThat(topic.locked()).isTrue();
	}

	@Test
	void onlyModeratorsFeatureAndEachFeaturingIsAnEventWithItsOwnTime() {
		Topic topic = topic(DISCUSSION);
		Instant later = NOW.plusSeconds(3600);

		assertThatThrownBy(() -> topic.feature(asker, true, NOW)).isInstanceOf(PermissionDeniedException.class);
		topic.feature(moderator, true, NOW);
		topic.feature(moderator, true, later);
		topic.feature(moderator, false, later);
		topic.feature(moderator, true, later);

		assertThat(topic.featured()).isTrue();
		assertThat(topic.featuredAt()).isEqualTo(later);
		assertThat(topic.pendingEvents()).filteredOn(TopicFeatured.class::isInstance)
			.containsExactly(
					new TopicFeatured(topic.id(), DISCUSSION.id(), asker.id(), moderator.id(), true, NOW),
					new TopicFeatured(topic.id(), DISCUSSION.id(), asker.id(), moderator.id(), false, NOW),
					new TopicFeatured(topic.id(), DISCUSSION.id(), asker.id(), moderator.id(), true, later));
	}

	@Test
	void aLockedThreadRefusesMembersButNotModerators() {
		Topic topic = topic(DISCUSSION);
		topic.lock(moderator, true);

		assertThatThrownBy(() -> topic.checkOpenFor(asker)).isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("locked");
		topic.checkOpenFor(moderator);
	}

	@Test
	void theAskerAcceptsAReplyOnASupportBoard() {
		Topic topic = topic(SUPPORT);
		Reply reply = reply(topic, stranger, 20);

		topic.acceptAnswer(asker, SUPPORT, reply, NOW);

		assertThat(topic.acceptedReplyId()).isEqualTo(new ReplyId(20));
		assertThat(topic.pendingEvents()).contains(new AnswerAccepted(topic.id(), new ReplyId(20), stranger.id(),
				asker.id()));
	}

	@Test
	void answersAreAcceptedOnlyOnSupportBoardsByTheAskerOrAModerator() {
		Topic discussion = topic(DISCUSSION);
		assertThatThrownBy(() -> discussion.acceptAnswer(asker, DISCUSSION, reply(discussion, stranger, 21), NOW))
			.isInstanceOf(RuleViolationException.class);

		Topic question = topic(SUPPORT);
		assertThatThrownBy(() -> question.acceptAnswer(stranger, SUPPORT, reply(question, stranger, 22), NOW))
			.isInstanceOf(PermissionDeniedException.class);
		question.acceptAnswer(moderator, SUPPORT, reply(question, stranger, 23), NOW);
		assertThat(question.acceptedReplyId()).isEqualTo(new ReplyId(23));
	}

	@Test
	void aReplyFromAnotherThreadCannotBeAccepted() {
		Topic question = topic(SUPPORT);
		Topic other = topic(SUPPORT);
		ReflectionTestUtils.setField(other, "id", 99L);

		assertThatThrownBy(() -> question.acceptAnswer(asker, SUPPORT, reply(other, stranger, 24), NOW))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void deletingTheAcceptedAnswerUnsolvesTheThread() {
		Topic question = topic(SUPPORT);
		question.acceptAnswer(asker, SUPPORT, reply(question, stranger, 25), NOW);

		question.answerDeleted(new ReplyId(25));

		assertThat(question.acceptedReplyId()).isNull();
		assertThat(question.acceptedAt()).isNull();
	}

	@Test
	void aQuestionIsSolvedWhenItsFirstAnswerIsAcceptedAndStaysSoWhenTheAskerSwitches() {
		Topic question = topic(SUPPORT);
		Instant later = NOW.plusSeconds(3600);

		question.acceptAnswer(asker, SUPPORT, reply(question, stranger, 29), NOW);
		question.acceptAnswer(asker, SUPPORT, reply(question, stranger, 30), later);

		assertThat(question.acceptedReplyId()).isEqualTo(new ReplyId(30));
		assertThat(question.acceptedAt()).isEqualTo(NOW);
		question.answerDeleted(new ReplyId(30));
		question.acceptAnswer(asker, SUPPORT, reply(question, stranger, 29), later);
		assertThat(question.acceptedAt()).as("solved again, from then").isEqualTo(later);
	}

	@Test
	void membersCannotLikeTheirOwnPosts() {
		Topic topic = topic(SUPPORT);

		assertThatThrownBy(() -> topic.checkLikeableBy(asker, topic)).isInstanceOf(RuleViolationException.class);
		topic.checkLikeableBy(stranger, topic);
	}

	@Test
	void aLockedThreadFreezesEverythingItsMembersCouldChange() {
		Topic topic = topic(SUPPORT);
		Reply answer = reply(topic, stranger, 26);
		topic.lock(moderator, true);

		List<ThrowingCallable> frozen = List.of(() -> topic.edit(asker, "Another title", "x", "x", NOW),
				() -> topic.delete(asker, NOW), () -> topic.checkLikeableBy(stranger, topic),
				() -> topic.checkUnlikeableBy(stranger, topic), () -> topic.acceptAnswer(asker, SUPPORT, answer, NOW),
				() -> answer.edit(stranger, topic, "x", "x", NOW), () -> answer.delete(stranger, topic, NOW),
				() -> answer.checkLikeableBy(asker, topic), () -> answer.checkUnlikeableBy(asker, topic));

		for (ThrowingCallable action : frozen) {
			assertThatThrownBy(action).isInstanceOfSatisfying(RuleViolationException.class,
					ex -> assertThat(ex.code()).isEqualTo("topic-locked"));
		}
		assertThat(topic.title()).isEqualTo("How do I reset?");
		assertThat(topic.isDeleted()).isFalse();
		assertThat(answer.isDeleted()).isFalse();
		assertThat(topic.acceptedReplyId()).isNull();
	}

	@Test
	void moderatorsStillActInALockedThreadAndUnlockIt() {
		Topic topic = topic(SUPPORT);
		Reply answer = reply(topic, stranger, 27);
		topic.lock(moderator, true);

		topic.checkLikeableBy(moderator, topic);
		answer.checkLikeableBy(moderator, topic);
		answer.checkUnlikeableBy(moderator, topic);
		answer.edit(moderator, topic, "tidied", "<p>tidied</p>", NOW);
		topic.acceptAnswer(moderator, SUPPORT, answer, NOW);
		topic.edit(moderator, "A tidier title", "body", "<p>body</p>", NOW);
		topic.lock(moderator, false);
		answer.delete(stranger, topic, NOW);

		assertThat(topic.locked()).isFalse();
		assertThat(topic.title()).isEqualTo("A tidier title");
		assertThat(topic.acceptedReplyId()).isEqualTo(new ReplyId(27));
		assertThat(answer.isDeleted()).isTrue();
	}

	@Test
	void aReplyIsJudgedOnlyByItsOwnThread() {
		Topic topic = topic(SUPPORT);
		Topic other = topic(SUPPORT);
		ReflectionTestUtils.setField(other, "id", 98L);

		assertThatThrownBy(() -> reply(topic, stranger, 28).edit(stranger, other, "x", "x", NOW))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private Topic topic(BoardSummary board) {
		Topic topic = Topic.start(board, asker.id(), "How do I reset?", "body", "<p>body</p>", NOW);
		ReflectionTestUtils.setField(topic, "id", 10L);
		return topic;
	}

	private static Reply reply(Topic topic, Actor author, long id) {
		Reply reply = new Reply(topic.id(), author.id(), "answer", "<p>answer</p>", null, NOW);
		ReflectionTestUtils.setField(reply, "id", id);
		return reply;
	}
}
