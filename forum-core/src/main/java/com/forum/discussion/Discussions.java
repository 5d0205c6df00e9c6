package com.forum.discussion;

import java.time.Clock;
import java.time.Instant;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.board.BoardSummary;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.NotFoundException;
import com.forum.trust.PostingTrust;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything members and moderators do to threads and replies; each method is one transaction. */
@Service
public class Discussions {

	private final Topics topics;

	private final Replies replies;

	private final PostRevisions revisions;

	private final PostLikes likes;

	private final BoardCatalog boards;

	private final MarkdownRenderer markdown;

	private final DiscussionProperties properties;

	private final ApplicationEventPublisher events;

	private final TopicViews views;

	private final Clock clock;

	private final PostingTrust trust;

	private final Mentions mentions;

	Discussions(Topics topics, Replies replies, PostRevisions revisions, PostLikes likes, BoardCatalog boards,
			MarkdownRenderer markdown, DiscussionProperties properties, ApplicationEventPublisher events,
			TopicViews views, Clock clock, PostingTrust trust, Mentions mentions) {
		this.trust = trust;
		this.mentions = mentions;
		this.views = views;
		this.topics = topics;
		this.replies = replies;
		this.revisions = revisions;
		this.likes = likes;
		this.boards = boards;
		this.markdown = markdown;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public TopicId startTopic(Actor author, BoardId boardId, String title, String body) {
		BoardSummary board = boards.find(boardId)
			.orElseThrow(() -> new InvalidInputException("boardId", "unknown-board", "no board with id " + boardId,
					String.valueOf(boardId)));
		String cleanTitle = checkTitle(title);
		checkBody(body);
		checkLinks(author, null, body);
		trust.admit(author, cleanTitle + "\n" + body, markdown.linkTargets(body).size());
		Mentions.Rendered rendered = mentions.render(body);
		Topic topic = topics.saveAndFlush(
				Topic.start(board, author.id(), cleanTitle, body, rendered.html(), clock.instant()));
		topics.save(topic.started(rendered.mentioned()));
		refreshHotScore(topic.id());
		return topic.id();
	}

	@Transactional
	public void editTopic(Actor actor, TopicId id, String title, String body) {
		String cleanTitle = checkTitle(title);
		checkBody(body);
		Topic topic = liveTopic(id);
		String before = topic.body();
		Mentions.Rendered rendered = mentions.render(body);
		PostRevision previous = topic.edit(actor, cleanTitle, body, rendered.html(), clock.instant());
		topic.mentionedAfterEdit(actor, rendered.mentioned());
		checkLinks(actor, before, body);
		trust.admitEdit(actor, markdown.linkTargets(body).size());
		revisions.save(previous);
		topics.save(topic);
	}

	@Transactional
	public void deleteTopic(Actor actor, TopicId id) {
		Topic topic = liveTopic(id);
		topic.delete(actor, clock.instant());
		topics.save(topic);
		moderated(actor, PostKind.TOPIC, id.value(), id, topic.authorId(), "deleted");
	}

	@Transactional
	public void pin(Actor actor, TopicId id, boolean pinned) {
		Topic topic = liveTopic(id);
		if (topic.pin(actor, pinned)) {
			topics.save(topic);
			moderated(actor, PostKind.TOPIC, id.value(), id, null, pinned ? "pinned" : "unpinned");
		}
	}

	/** Features a thread (精华) or takes it off the featured list; moderators only. */
	@Transactional
	public void feature(Actor actor, TopicId id, boolean featured) {
		Topic topic = liveTopic(id);
		if (topic.feature(actor, featured, clock.instant())) {
			topics.save(topic);
			moderated(actor, PostKind.TOPIC, id.value(), id, null, featured ? "featured" : "unfeatured");
		}
	}

	@Transactional
	public void lock(Actor actor, TopicId id, boolean locked) {
		Topic topic = liveTopic(id);
		if (topic.lock(actor, locked)) {
			topics.save(topic);
			moderated(actor, PostKind.TOPIC, id.value(), id, null, locked ? "locked" : "unlocked");
		}
	}

	@Transactional
	public ReplyId reply(Actor author, TopicId topicId, String body, ReplyId quoted) {
		checkBody(body);
		checkLinks(author, null, body);
		Topic topic = liveTopic(topicId);
		topic.checkOpenFor(author);
		Reply quotedReply = quoted == null ? null : replies.findById(quoted.value())
			.filter(r -> r.topicId().equals(topicId) && !r.isDeleted())
			.orElseThrow(() -> new InvalidInputException("quotedReplyId", "unknown-reply",
					"no reply " + quoted + " in this thread", String.valueOf(quoted)));
		trust.admit(author, body, markdown.linkTargets(body).size());
		Instant now = clock.instant();
		Mentions.Rendered rendered = mentions.render(body);
		Reply reply = replies.saveAndFlush(new Reply(topicId, author.id(), body, rendered.html(), quoted, now));
		replies.save(reply.posted(topic, quotedReply, rendered.mentioned()));
		topics.countReply(topicId.value(), 1, now);
		refreshHotScore(topicId);
		return reply.id();
	}

	@Transactional
	public void editReply(Actor actor, TopicId topicId, ReplyId id, String body) {
		checkBody(body);
		Reply reply = liveReply(topicId, id);
		String before = reply.body();
		Mentions.Rendered rendered = mentions.render(body);
		PostRevision previous = reply.edit(actor, liveTopic(topicId), body, rendered.html(), clock.instant());
		reply.mentionedAfterEdit(actor, rendered.mentioned());
		checkLinks(actor, before, body);
		trust.admitEdit(actor, markdown.linkTargets(body).size());
		revisions.save(previous);
		replies.save(reply);
	}

	@Transactional
	public void deleteReply(Actor actor, TopicId topicId, ReplyId id) {
		Reply reply = liveReply(topicId, id);
		Topic topic = liveTopic(topicId);
		reply.delete(actor, topic, clock.instant());
		replies.save(reply);
		moderated(actor, PostKind.REPLY, id.value(), topicId, reply.authorId(), "deleted");
		topic.answerDeleted(id);
		topics.save(topic);
		topics.countReply(topicId.value(), -1, topic.lastActivityAt());
		refreshHotScore(topicId);
	}

	@Transactional
	public void acceptAnswer(Actor actor, TopicId topicId, ReplyId replyId) {
		Topic topic = liveTopic(topicId);
		Reply reply = replies.findById(replyId.value())
			.orElseThrow(() -> new InvalidInputException("replyId", "unknown-reply",
				"no reply " + replyId + " in this thread", String.valueOf(replyId)));
		topic.acceptAnswer(actor, boards.get(topic.boardId()), reply, clock.instant());
		topics.save(topic);
	}

	@Transactional
	public LikeState like(Actor actor, TopicId topicId, ReplyId replyId) {
		return changeLike(actor, topicId, replyId, true);
	}

	@Transactional
	public LikeState unlike(Actor actor, TopicId topicId, ReplyId replyId) {
		return changeLike(actor, topicId, replyId, false);
	}

	/** Likes the reply, or the topic's opening post when {@code replyId} is null. */
	private LikeState changeLike(Actor actor, TopicId topicId, ReplyId replyId, boolean like) {
		Topic topic = liveTopic(topicId);
		Post<?> post = replyId == null ? topic : liveReply(topicId, replyId);
		PostKind kind = replyId == null ? PostKind.TOPIC : PostKind.REPLY;
		long postId = replyId == null ? topicId.value() : replyId.value();
		if (like) {
			post.checkLikeableBy(actor, topic);
		}
		else {
			post.checkUnlikeableBy(actor, topic);
		}
		boolean changed = like ? likes.add(kind, postId, actor.id(), clock.instant())
				: likes.remove(kind, postId, actor.id());
		if (changed) {
			int delta = like ? 1 : -1;
			if (kind == PostKind.TOPIC) {
				topics.countLike(postId, delta);
			}
			else {
				replies.countLike(postId, delta);
			}
			refreshHotScore(topicId);
			events.publishEvent(new PostLiked(kind, postId, topicId, post.authorId(), actor.id(), like));
		}
		return new LikeState(like, likes.count(kind, postId));
	}

	/**
	 * Counts a view of the thread by a viewer (a member id or an anonymous session); repeated views
	 * by the same viewer within the configured window count once.
	 */
	public boolean recordView(TopicId topic, String viewer) {
		return views.record(topic, viewer);
	}

	/**
	 * Tells the audit log of a moderator's action; a member acting on their own post is no staff
	 * action (pin and lock are the moderators' alone, so their author is not asked).
	 */
	void moderated(Actor actor, PostKind kind, long postId, TopicId topic, MemberId author, String action) {
		if (actor.moderates() && (author == null || !actor.is(author))) {
			events.publishEvent(new PostModerated(kind, postId, topic, actor.id(), action, clock.instant(), author));
		}
	}

	private void refreshHotScore(TopicId id) {
		topics.refreshHotScore(id.value(), properties.hotGravity().toSeconds());
	}

	Topic liveTopic(TopicId id) {
		return topics.findById(id.value()).filter(t -> !t.isDeleted())
			.orElseThrow(() -> new NotFoundException("thread", id));
	}

	Reply liveReply(TopicId topicId, ReplyId id) {
		return replies.findById(id.value())
			.filter(r -> r.topicId().equals(topicId) && !r.isDeleted())
			.orElseThrow(() -> new NotFoundException("reply", id));
	}

	private String checkTitle(String title) {
		String clean = title == null ? "" : title.strip();
		int length = clean.codePointCount(0, clean.length());
		if (length < properties.minTitleLength() || length > properties.maxTitleLength()) {
			throw new InvalidInputException("title", "length", "must be " + properties.minTitleLength() + " to "
					+ properties.maxTitleLength() + " characters", properties.minTitleLength(),
					properties.maxTitleLength());
		}
		return clean;
	}

	/**
	 * Links and images are a privilege (they are how spam pays); an edit keeps the ones the post had,
	 * so only those it adds need it.
	 */
	private void checkLinks(Actor actor, String before, String body) {
		if (!actor.holds(Privilege.POST_LINKS_IMAGES) && markdown.addsLinks(before, body)) {
			throw new PrivilegeRequiredException(Privilege.POST_LINKS_IMAGES);
		}
	}

	private void checkBody(String body) {
		markdown.checkText("body", body, properties.maxBodyLength());
	}
}
