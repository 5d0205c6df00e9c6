package com.forum.discussion;

import java.time.Instant;
import java.util.Set;

import com.forum.board.BoardId;
import com.forum.board.BoardKind;
import com.forum.board.BoardSummary;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.member.Role;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of flagging, hiding and keeping posts, on plain objects. */
class ModerationRulesTest {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	private static final BoardSummary BOARD = new BoardSummary(new BoardId(2), "phone", "Phone", "",
			BoardKind.DISCUSSION);

	private final Actor author = new Actor(new MemberId(1), Role.MEMBER, Set.of(Privilege.FLAG_POSTS,
			Privilege.HIDE_POSTS));

	private final Actor flagger = new Actor(new MemberId(2), Role.MEMBER, Set.of(Privilege.FLAG_POSTS));

	private final Actor newcomer = new Actor(new MemberId(3), Role.MEMBER, Set.of(Privilege.LIKE_POSTS));

	private final Actor trusted = new Actor(new MemberId(4), Role.MEMBER, Set.of(Privilege.FLAG_POSTS,
			Privilege.HIDE_POSTS));

	private final Actor moderator = new Actor(new MemberId(5), Role.MODERATOR);

	private static final FlagGrounds SPAM = new FlagGrounds(FlagReason.SPAM, null);

	@Test
	void aMemberWithThePrivilegeFlagsSomeoneElsesPostAndTheFlagNamesThePostItsAuthorAndTheReason() {
		Topic topic = topic();
		Reply reply = reply(topic, 20);

		PostFlag onTopic = topic.flag(flagger, SPAM, NOW);
		PostFlag onReply = reply.flag(flagger, new FlagGrounds(FlagReason.RUDE, "Insults"), NOW);

		assertThat(onTopic.kind()).isEqualTo(PostKind.TOPIC);
		assertThat(onTopic.postId()).isEqualTo(10L);
		assertThat(onTopic.authorId()).isEqualTo(author.id());
		assertThat(onReply.kind()).isEqualTo(PostKind.REPLY);
		assertThat(onReply.topicId()).isEqualTo(topic.id());
		assertThat(onReply.flagged(7).reason()).isEqualTo(FlagReason.RUDE);
		assertThat(onReply.flagged(7).flaggerId()).isEqualTo(flagger.id());
	}

	@Test
	void ownPostsDeletedPostsAndMembersWithoutThePrivilegeCannotFlag() {
		Topic topic = topic();
		Reply deleted = reply(topic, 21);
		deleted.delete(moderator, topic, NOW);

		assertThatThrownBy(() -> topic.flag(author, SPAM, NOW)).isInstanceOfSatisfying(RuleViolationException.class,
				ex -> assertThat(ex.code()).isEqualTo("own-post-flag"));
		assertThatThrownBy(() -> deleted.flag(flagger, SPAM, NOW))
			.isInstanceOfSatisfying(RuleViolationException.class, ex -> assertThat(ex.code()).isEqualTo("post-deleted"));
		assertThatThrownBy(() -> topic.flag(newcomer, SPAM, NOW)).isInstanceOfSatisfying(
				PrivilegeRequiredException.class, ex -> assertThat(ex.privilege()).isEqualTo(Privilege.FLAG_POSTS));
		assertThat(topic.flag(moderator, SPAM, NOW)).as("staff hold every privilege").isNotNull();
	}

	@Test
	void theReasonMustBeKnownOtherNeedsANoteAndNotesHaveALimit() {
		assertThat(FlagGrounds.of("off-topic", "  ", 500)).isEqualTo(new FlagGrounds(FlagReason.OFF_TOPIC, null));
		assertThat(FlagGrounds.of("OTHER", " Copied from elsewhere ", 500).note()).isEqualTo("Copied from elsewhere");

		assertThatThrownBy(() -> FlagGrounds.of("boring", null, 500)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> FlagGrounds.of(null, null, 500)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> FlagGrounds.of("other", "", 500)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.reason()).isEqualTo("note-for-other"));
		assertThatThrownBy(() -> FlagGrounds.of("spam", "x".repeat(501), 500)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.reason()).isEqualTo("too-long"));
		assertThat(FlagGrounds.of("spam", "好".repeat(500), 500).note()).as("characters, not bytes").hasSize(500);
	}

	@Test
	void aTrustedMemberHidesAPostOnceAndTheEventSaysWhoWhyAndWhose() {
		Topic topic = topic();
		Reply reply = reply(topic, 22);

		reply.hide(trusted, SPAM, NOW);
		reply.hide(trusted, new FlagGrounds(FlagReason.RUDE, null), NOW.plusSeconds(5));

		assertThat(reply.isHidden()).isTrue();
		assertThat(reply.hiddenBy()).isEqualTo(trusted.id());
		assertThat(reply.hiddenReason()).as("the first hiding stands").isEqualTo(FlagReason.SPAM);
		assertThat(reply.pendingEvents()).containsExactly(
				new PostHidden(PostKind.REPLY, 22, topic.id(), author.id(), trusted.id(), FlagReason.SPAM, NOW));
	}

	@Test
	void hidingNeedsThePrivilegeAndSomeoneElsesLivePost() {
		Topic topic = topic();

		assertThatThrownBy(() -> topic.hide(flagger, SPAM, NOW)).isInstanceOfSatisfying(
				PrivilegeRequiredException.class, ex -> assertThat(ex.privilege()).isEqualTo(Privilege.HIDE_POSTS));
		assertThatThrownBy(() -> topic.hide(author, SPAM, NOW)).isInstanceOfSatisfying(RuleViolationException.class,
				ex -> assertThat(ex.code()).isEqualTo("own-post-hide"));
		topic.delete(author, NOW);
		assertThatThrownBy(() -> topic.hide(trusted, SPAM, NOW)).isInstanceOf(RuleViolationException.class);
		assertThat(topic.isHidden()).isFalse();
	}

	@Test
	void onlyAModeratorKeepsAPostWhichShowsItAgainAndSaysWhetherItWasHidden() {
		Topic topic = topic();
		topic.hide(trusted, SPAM, NOW);
		ReflectionTestUtils.invokeMethod(topic, "clearDomainEvents");

		assertThatThrownBy(() -> topic.keep(trusted, NOW)).isInstanceOfSatisfying(PermissionDeniedException.class,
				ex -> assertThat(ex.reason()).isEqualTo("review-posts"));
		topic.keep(moderator, NOW);

		assertThat(topic.isHidden()).isFalse();
		assertThat(topic.pendingEvents()).containsExactly(
				new PostRestored(PostKind.TOPIC, 10, topic.id(), author.id(), moderator.id(), true, NOW));
		Reply flaggedOnly = reply(topic, 23);
		flaggedOnly.keep(moderator, NOW);
		assertThat(flaggedOnly.pendingEvents()).singleElement()
			.isInstanceOfSatisfying(PostRestored.class, e -> assertThat(e.wasHidden()).isFalse());
	}

	@Test
	void aHiddenPostKeepsItsContentForItsAuthorAndModeratorsOnly() {
		TopicDetails hidden = new TopicDetails(new TopicId(10), new BoardId(2), "Title", "body", "<p>body</p>",
				author.id(), "author", NOW, null, NOW, 0, 0, 0, false, false, null, true, false, false);

		assertThat(hidden.shownTo(author.id(), false).bodyHtml()).isEqualTo("<p>body</p>");
		assertThat(hidden.shownTo(moderator.id(), true).withheld()).isFalse();
		assertThat(hidden.shownTo(flagger.id(), false)).satisfies(shown -> {
			assertThat(shown.withheld()).isTrue();
			assertThat(shown.body()).isEmpty();
			assertThat(shown.bodyHtml()).isEmpty();
			assertThat(shown.title()).as("the thread stays readable").isEqualTo("Title");
		});
		assertThat(hidden.shownTo(null, false).withheld()).isTrue();
	}

	private Topic topic() {
		Topic topic = Topic.start(BOARD, author.id(), "Battery drains overnight", "body", "<p>body</p>", NOW);
		ReflectionTestUtils.setField(topic, "id", 10L);
		return topic;
	}

	private Reply reply(Topic topic, long id) {
		Reply reply = new Reply(topic.id(), author.id(), "reply", "<p>reply</p>", null, NOW);
		ReflectionTestUtils.setField(reply, "id", id);
		return reply;
	}
}
