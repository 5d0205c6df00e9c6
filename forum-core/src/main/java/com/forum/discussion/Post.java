package com.forum.discussion;

import java.time.Instant;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/** What a topic's opening post and a reply share: authorship, Markdown body, edits and soft deletion. */
@MappedSuperclass
abstract class Post<P extends Post<P>> extends AbstractAggregateRoot<P> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	protected Long id;

	@Column(name = "author_id")
	protected long authorId;

	protected String body;

	@Column(name = "body_html")
	protected String bodyHtml;

	@Column(name = "created_at")
	protected Instant createdAt;

	@Column(name = "edited_at")
	protected Instant editedAt;

	@Column(name = "deleted_at")
	protected Instant deletedAt;

	@Column(name = "deleted_by")
	protected Long deletedBy;

	@Column(name = "hidden_at")
	protected Instant hiddenAt;

	@Column(name = "hidden_by")
	protected Long hiddenBy;

	@Enumerated(EnumType.STRING)
	@Column(name = "hidden_reason")
	protected FlagReason hiddenReason;

	@Column(name = "hidden_note")
	protected String hiddenNote;

	@Column(name = "like_count", insertable = false, updatable = false)
	protected int likeCount;

	@Version
	protected long version;

	protected Post() {
	}

	protected Post(MemberId author, String body, String bodyHtml, Instant now) {
		this.authorId = author.value();
		this.body = body;
		this.bodyHtml = bodyHtml;
		this.createdAt = now;
	}

	MemberId authorId() {
		return new MemberId(authorId);
	}

	boolean isDeleted() {
		return deletedAt != null;
	}

	/**
	 * The author edits their own post; moderators edit anyone's, and so do members trusted with wiki
	 * edits (the history keeps every version, so a bad edit is seen and undone).
	 */
	protected void checkEditableBy(Actor actor) {
		checkNotDeleted();
		if (!actor.is(authorId()) && !actor.moderates()) {
			actor.require(Privilege.EDIT_OTHERS_POSTS);
		}
	}

	protected void checkNotDeleted() {
		if (isDeleted()) {
			throw new RuleViolationException("post-deleted", "This post has been deleted.");
		}
	}

	protected PostRevision revise(PostKind kind, String title, Actor actor, String newBody, String newHtml,
			Instant now) {
		PostRevision previous = new PostRevision(kind, id, title, body, actor.id(), now);
		this.body = newBody;
		this.bodyHtml = newHtml;
		this.editedAt = now;
		return previous;
	}

	/** After an edit: the members the post now mentions, for the notifier to tell those it has not told yet. */
	void mentionedAfterEdit(Actor editor, List<MemberId> mentioned) {
		if (!mentioned.isEmpty()) {
			registerEvent(new PostMentioned(kind(), id, topicId(), authorId(), editor.id(), mentioned));
		}
	}

	/** The author deletes their own post; moderators delete anyone's. */
	protected void checkDeletableBy(Actor actor) {
		checkNotDeleted();
		if (!actor.is(authorId()) && !actor.moderates()) {
			throw new PermissionDeniedException("delete-post",
					"Only the author or a moderator may delete this post.");
		}
	}

	protected void markDeleted(Actor actor, Instant now) {
		this.deletedAt = now;
		this.deletedBy = actor.id().value();
	}

	/**
	 * Liking one's own post would be a way to farm reputation; in a locked thread the likes are
	 * frozen with everything else.
	 */
	void checkLikeableBy(Actor actor, Topic topic) {
		checkNotDeleted();
		if (actor.is(authorId())) {
			throw new RuleViolationException("own-post", "You cannot like your own post.");
		}
		topic.checkOpenFor(actor);
	}

	/** Taking a like back changes the thread as much as giving one, so a locked thread refuses it too. */
	void checkUnlikeableBy(Actor actor, Topic topic) {
		topic.checkOpenFor(actor);
	}

	/**
	 * Members flag what others wrote, for the moderators to look at; flagging one's own post makes no
	 * sense, and a deleted post is already gone.
	 */
	void checkFlaggableBy(Actor actor) {
		actor.require(Privilege.FLAG_POSTS);
		checkNotDeleted();
		if (actor.is(authorId())) {
			throw new RuleViolationException("own-post-flag", "You cannot flag your own post.");
		}
	}

	/** What the flag of this post by the actor would be, once the rules allow it. */
	PostFlag flag(Actor actor, FlagGrounds grounds, Instant now) {
		checkFlaggableBy(actor);
		return new PostFlag(kind(), id, topicId(), authorId(), actor.id(), grounds, now);
	}

	/**
	 * Hides the post from readers until a moderator reviews it (an opening post, not its thread: the
	 * title and the replies stay). Hiding one's own post would be a way around editing or deleting it;
	 * hiding a hidden post changes nothing.
	 */
	void hide(Actor actor, FlagGrounds grounds, Instant now) {
		actor.require(Privilege.HIDE_POSTS);
		hideFor(actor.id(), grounds, now);
	}

	/**
	 * Hidden because enough trusted members flagged it: the flagger whose flag tipped the count is
	 * named as the one who hid it, as a member with the hide privilege would be.
	 */
	void hideByFlags(MemberId lastFlagger, FlagGrounds grounds, Instant now) {
		if (!isDeleted()) {
			hideFor(lastFlagger, grounds, now);
		}
	}

	private void hideFor(MemberId by, FlagGrounds grounds, Instant now) {
		checkNotDeleted();
		if (by.equals(authorId())) {
			throw new RuleViolationException("own-post-hide", "You cannot hide your own post.");
		}
		if (isHidden()) {
			return;
		}
		this.hiddenAt = now;
		this.hiddenBy = by.value();
		this.hiddenReason = grounds.reason();
		this.hiddenNote = grounds.note();
		registerEvent(new PostHidden(kind(), id, topicId(), authorId(), by, grounds.reason(), now));
	}

	/** A moderator keeps the post after review: readers see it again if it was hidden. */
	void keep(Actor actor, Instant now) {
		checkReviewer(actor);
		checkNotDeleted();
		boolean wasHidden = isHidden();
		this.hiddenAt = null;
		this.hiddenBy = null;
		this.hiddenReason = null;
		this.hiddenNote = null;
		registerEvent(new PostRestored(kind(), id, topicId(), authorId(), actor.id(), wasHidden, now));
	}

	abstract PostKind kind();

	/** The thread the post is in: a topic's own id for its opening post. */
	abstract TopicId topicId();

	/** Only moderators decide on flagged and hidden posts. */
	static void checkReviewer(Actor actor) {
		if (!actor.moderates()) {
			throw new PermissionDeniedException("review-posts", "Only moderators review flagged and hidden posts.");
		}
	}

	boolean isHidden() {
		return hiddenAt != null;
	}

	Instant hiddenAt() {
		return hiddenAt;
	}

	MemberId hiddenBy() {
		return hiddenBy == null ? null : new MemberId(hiddenBy);
	}

	FlagReason hiddenReason() {
		return hiddenReason;
	}

	String hiddenNote() {
		return hiddenNote;
	}

	/** The events registered and not yet published; visible for tests of the rules. */
	java.util.Collection<Object> pendingEvents() {
		return domainEvents();
	}

	String body() {
		return body;
	}

	String bodyHtml() {
		return bodyHtml;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant editedAt() {
		return editedAt;
	}

	int likeCount() {
		return likeCount;
	}

	long version() {
		return version;
	}
}
