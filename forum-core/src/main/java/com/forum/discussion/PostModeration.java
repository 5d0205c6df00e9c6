package com.forum.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags, "hidden pending review" and the moderators' decisions on them, as Discourse and Stack
 * Exchange have them: trusted members flag or hide others' posts; a moderator keeps a post (its flags
 * are declined, readers see it again) or removes it through the ordinary deletion, so everything that
 * follows a deletion (points, reputation, search) follows it here too. Each method is one transaction.
 */
@Service
public class PostModeration {

	private static final int EXCERPT = 280;

	private final Topics topics;

	private final Replies replies;

	private final PostFlags flags;

	private final PendingReviews pending;

	private final Discussions discussions;

	private final MemberDirectory members;

	private final MarkdownRenderer markdown;

	private final DiscussionProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PostRevisions revisions;

	private final HiddenRevisions hiddenRevisions;

	PostModeration(Topics topics, Replies replies, PostFlags flags, PendingReviews pending, Discussions discussions,
			MemberDirectory members, MarkdownRenderer markdown, DiscussionProperties properties,
			ApplicationEventPublisher events, Clock clock, PostRevisions revisions, HiddenRevisions hiddenRevisions) {
		this.revisions = revisions;
		this.hiddenRevisions = hiddenRevisions;
		this.topics = topics;
		this.replies = replies;
		this.flags = flags;
		this.pending = pending;
		this.discussions = discussions;
		this.members = members;
		this.markdown = markdown;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Flags the thread's opening post, or with a {@code reply} that reply. A member's flag of a post
	 * stays one flag until a moderator decides on it: flagging again returns it unchanged.
	 */
	@Transactional
	public FlagState flag(Actor actor, TopicId topicId, ReplyId reply, String reason, String note) {
		FlagGrounds grounds = FlagGrounds.of(reason, note, properties.maxFlagNoteLength());
		Topic topic = liveTopic(topicId);
		Instant now = clock.instant();
		PostFlag flag = reply == null ? topic.flag(actor, grounds, now)
				: liveReply(topicId, reply).flag(actor, grounds, now);
		flags.add(flag).ifPresent(id -> events.publishEvent(flag.flagged(id)));
		return flags.open(flag.kind(), flag.postId(), actor.id()).orElseThrow();
	}

	/** Hides the thread's opening post, or with a {@code reply} that reply, until a moderator reviews it. */
	@Transactional
	public void hide(Actor actor, TopicId topicId, ReplyId reply, String reason, String note) {
		FlagGrounds grounds = FlagGrounds.of(reason, note, properties.maxFlagNoteLength());
		Topic topic = liveTopic(topicId);
		Instant now = clock.instant();
		if (reply == null) {
			topic.hide(actor, grounds, now);
			topics.save(topic);
		}
		else {
			Reply hidden = liveReply(topicId, reply);
			hidden.hide(actor, grounds, now);
			replies.save(hidden);
		}
	}

	/** The post's flags waiting for a moderator, the earliest first. */
	@Transactional(readOnly = true)
	public List<OpenFlag> openFlags(PostKind kind, long postId) {
		return flags.open(kind, postId);
	}

	/**
	 * Hides a post pending review because enough trusted members flagged it (the count and the
	 * reputation that makes a flagger trusted are the community's rules, judged by the caller); the
	 * last of them is named as the one who hid it. A post already hidden or deleted stays as it is.
	 */
	@Transactional
	public void hideByFlags(PostKind kind, long postId, MemberId lastFlagger, FlagReason reason) {
		FlagGrounds grounds = new FlagGrounds(reason, null);
		Instant now = clock.instant();
		if (kind == PostKind.TOPIC) {
			topics.findById(postId).ifPresent(topic -> {
				topic.hideByFlags(lastFlagger, grounds, now);
				topics.save(topic);
			});
		}
		else {
			replies.findById(postId).ifPresent(reply -> {
				reply.hideByFlags(lastFlagger, grounds, now);
				replies.save(reply);
			});
		}
	}

	/**
	 * Hides an earlier version of a post from the public history (a phone number edited out): readers
	 * see that a version was hidden, staff still see what it said. Hiding it again changes nothing.
	 */
	@Transactional
	public void hideRevision(Actor actor, long revisionId, String note) {
		Post.checkReviewer(actor);
		PostRevision revision = revisions.findById(revisionId)
			.orElseThrow(() -> new NotFoundException("revision", revisionId));
		String clean = note == null || note.isBlank() ? null : note.strip();
		if (clean != null && clean.length() > properties.maxFlagNoteLength()) {
			throw new InvalidInputException("note", "too-long",
					"must be at most " + properties.maxFlagNoteLength() + " characters", properties.maxFlagNoteLength());
		}
		Instant now = clock.instant();
		if (hiddenRevisions.hide(revisionId, actor.id(), clean, now)) {
			events.publishEvent(new RevisionHidden(revisionId, revision.postKind(), revision.postId(), actor.id(), true,
					clean, now));
		}
	}

	/** Shows a hidden version in the public history again. */
	@Transactional
	public void showRevision(Actor actor, long revisionId) {
		Post.checkReviewer(actor);
		PostRevision revision = revisions.findById(revisionId)
			.orElseThrow(() -> new NotFoundException("revision", revisionId));
		Instant now = clock.instant();
		if (hiddenRevisions.show(revisionId)) {
			events.publishEvent(new RevisionHidden(revisionId, revision.postKind(), revision.postId(), actor.id(), false,
					null, now));
		}
	}

	/** The moderator keeps the post: its flags are declined and, if hidden, readers see it again. */
	@Transactional
	public void keep(Actor actor, PostKind kind, long postId) {
		Post.checkReviewer(actor);
		TopicId topicId;
		if (kind == PostKind.TOPIC) {
			Topic topic = liveTopic(new TopicId(postId));
			topic.keep(actor, clock.instant());
			topics.save(topic);
			topicId = topic.id();
		}
		else {
			Reply reply = liveReply(new ReplyId(postId));
			reply.keep(actor, clock.instant());
			replies.save(reply);
			topicId = reply.topicId();
		}
		flags.resolve(kind, postId, topicId, false, actor.id(), clock.instant()).forEach(events::publishEvent);
		events.publishEvent(new PostModerated(kind, postId, topicId, actor.id(), "kept", clock.instant(), null));
	}

	/**
	 * The moderator removes the post by deleting it as a moderator always could (a thread takes its
	 * replies with it); its flags are agreed with.
	 */
	@Transactional
	public void remove(Actor actor, PostKind kind, long postId) {
		Post.checkReviewer(actor);
		TopicId topicId;
		if (kind == PostKind.TOPIC) {
			topicId = new TopicId(postId);
			discussions.deleteTopic(actor, topicId);
		}
		else {
			Reply reply = liveReply(new ReplyId(postId));
			topicId = reply.topicId();
			discussions.deleteReply(actor, topicId, reply.id());
		}
		flags.resolve(kind, postId, topicId, true, actor.id(), clock.instant()).forEach(events::publishEvent);
		events.publishEvent(new PostModerated(kind, postId, topicId, actor.id(), "removed", clock.instant(), null));
	}

	/** The posts waiting for a moderator, in one thread or (null) everywhere, the longest waiting first. */
	@Transactional(readOnly = true)
	public Page<ReviewItem> queue(Actor actor, TopicId topic, int page, int size) {
		Post.checkReviewer(actor);
		long total = pending.count(topic);
		List<PendingReviews.Pending> found = pending.page(topic, page, size);
		Map<Long, Map<FlagReason, Integer>> topicFlags = flags.openByReason(PostKind.TOPIC, ids(found, PostKind.TOPIC));
		Map<Long, Map<FlagReason, Integer>> replyFlags = flags.openByReason(PostKind.REPLY, ids(found, PostKind.REPLY));
		Map<MemberId, String> names = members.usernames(found.stream()
			.flatMap(p -> Stream.of(p.authorId(), p.hiddenBy()))
			.filter(Objects::nonNull)
			.toList());
		List<ReviewItem> items = found.stream().map(p -> {
			Map<FlagReason, Integer> open = (p.kind() == PostKind.TOPIC ? topicFlags : replyFlags)
				.getOrDefault(p.postId(), Map.of());
			return new ReviewItem(p.kind(), p.postId(), p.topicId(), p.title(),
					p.kind() == PostKind.REPLY ? new ReplyId(p.postId()) : null, p.authorId(), names.get(p.authorId()),
					excerpt(p.body()), p.since(), open, p.hiddenAt(), p.hiddenBy(),
					p.hiddenBy() == null ? null : names.get(p.hiddenBy()), p.hiddenReason(), p.hiddenNote());
		}).toList();
		return new PageImpl<>(items, PageRequest.of(page, size), total);
	}

	private String excerpt(String body) {
		String text = markdown.toPlainText(body).strip();
		return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
	}

	private static List<Long> ids(List<PendingReviews.Pending> found, PostKind kind) {
		return found.stream().filter(p -> p.kind() == kind).map(PendingReviews.Pending::postId).toList();
	}

	private Topic liveTopic(TopicId id) {
		return discussions.liveTopic(id);
	}

	private Reply liveReply(TopicId topicId, ReplyId id) {
		return discussions.liveReply(topicId, id);
	}

	private Reply liveReply(ReplyId id) {
		return replies.findById(id.value())
			.filter(r -> !r.isDeleted())
			.orElseThrow(() -> new NotFoundException("reply", id));
	}
}
