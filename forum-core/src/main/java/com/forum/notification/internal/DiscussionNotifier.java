package com.forum.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.forum.discussion.AnswerAccepted;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostLiked;
import com.forum.discussion.PostMentioned;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicStarted;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.notification.Message;
import com.forum.notification.NotificationKind;
import com.forum.notification.Notifications;
import com.forum.watching.Watching;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells members what others did with their posts: a reply to their thread, a quote of their reply, a
 * mention (when posted, or added by an edit), likes (one notification per post, renewed as likes come
 * in) and their answer accepted. Never the one who acted. A post tells each member once, under one key,
 * for the strongest cause that concerns them and that they did not turn off: a mention before a quote
 * before a reply to their thread. Every key is fixed by the event, so a redelivered event adds nothing.
 * A member who muted the thread hears of mentions alone.
 */
@Component
class DiscussionNotifier {

	private final Notifications notifications;

	private final DiscussionQueries discussions;

	private final MemberDirectory members;

	private final NamedParameterJdbcTemplate jdbc;

	private final Watching watching;

	DiscussionNotifier(Notifications notifications, DiscussionQueries discussions, MemberDirectory members,
			NamedParameterJdbcTemplate jdbc, Watching watching) {
		this.watching = watching;
		this.notifications = notifications;
		this.discussions = discussions;
		this.members = members;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ReplyPosted e) {
		List<Cause> causes = causes(e);
		if (causes.isEmpty()) {
			return;
		}
		// a muted thread tells of nothing but mentions (NotificationLevel)
		Set<MemberId> muted = watching.mutedAmong(e.topicId(),
				causes.stream().filter(cause -> cause.kind() != NotificationKind.MENTION).map(Cause::recipient).toList());
		String[] words = null;
		for (Cause cause : causes) {
			if (cause.kind() != NotificationKind.MENTION && muted.contains(cause.recipient())) {
				continue;
			}
			words = words == null ? new String[] { ThreadLinks.title(discussions, e.topicId()), name(e.authorId()) } : words;
			// one key for every cause: the first told is the only one
			notifications.notify(cause.recipient(), cause.kind(), new Message("notification." + cause.kind().id(), words),
					"notification." + cause.kind().id() + ".body",
					ThreadLinks.link(e.topicId(), PostKind.REPLY, e.replyId().value()), replyKey(e));
		}
	}

	/**
	 * Whom the reply concerns besides its author, strongest cause first; the author is left out. Shared
	 * with the watchers' notifier, which leaves these members to this one.
	 */
	static List<Cause> causes(ReplyPosted e) {
		List<Cause> causes = new ArrayList<>();
		e.mentionedIds().forEach(member -> causes.add(new Cause(member, NotificationKind.MENTION)));
		if (e.quotedAuthorId() != null) {
			causes.add(new Cause(e.quotedAuthorId(), NotificationKind.QUOTE));
		}
		if (e.topicAuthorId() != null) {
			causes.add(new Cause(e.topicAuthorId(), NotificationKind.REPLY));
		}
		causes.removeIf(cause -> cause.recipient().equals(e.authorId()));
		return causes;
	}

	/** The one key under which a reply tells each member, whatever the cause. */
	static String replyKey(ReplyPosted e) {
		return "reply:" + e.replyId();
	}

	@ApplicationModuleListener
	void on(TopicStarted e) {
		mention(PostKind.TOPIC, e.topicId().value(), e.topicId(), e.authorId(), e.mentionedIds(), List.of(e.authorId()));
	}

	/**
	 * An edit that mentions members tells those the post has not told yet: the key is the post's, as when
	 * it was posted, so a name the post had already, or a second edit, tells no one again.
	 */
	@ApplicationModuleListener
	void on(PostMentioned e) {
		mention(e.kind(), e.postId(), e.topicId(), e.authorId(), e.mentionedIds(), List.of(e.authorId(), e.editorId()));
	}

	private void mention(PostKind kind, long postId, TopicId topic, MemberId author, List<MemberId> mentioned,
			List<MemberId> actors) {
		List<MemberId> told = mentioned.stream().filter(member -> !actors.contains(member)).toList();
		if (told.isEmpty()) {
			return;
		}
		String words = kind == PostKind.TOPIC ? "notification.mention.topic" : "notification.mention";
		Message title = new Message(words, ThreadLinks.title(discussions, topic), name(author));
		String key = kind == PostKind.TOPIC ? topicKey(topic) : "reply:" + postId;
		for (MemberId member : told) {
			notifications.notify(member, NotificationKind.MENTION, title, words + ".body",
					ThreadLinks.link(topic, kind, postId), key);
		}
	}

	/** The one key under which a new thread tells each member, whatever the cause. */
	static String topicKey(TopicId topic) {
		return "topic:" + topic;
	}

	@ApplicationModuleListener
	void on(AnswerAccepted e) {
		if (!e.answerAuthorId().equals(e.acceptedBy())) {
			notifications.notify(e.answerAuthorId(), NotificationKind.ANSWER_ACCEPTED,
					new Message("notification.answer-accepted", ThreadLinks.title(discussions, e.topicId()), name(e.acceptedBy())),
					"notification.answer-accepted.body", ThreadLinks.link(e.topicId(), PostKind.REPLY, e.replyId().value()),
					"accepted:" + e.replyId());
		}
	}

	/**
	 * Counts the liker once per post, and renews the post's one notification with the count. A like
	 * taken back is not taken from the count: the author was told of it, and liking again tells nothing new.
	 */
	@ApplicationModuleListener
	void on(PostLiked e) {
		if (!e.liked() || e.likerId().equals(e.authorId())) {
			return;
		}
		String key = "likes:" + e.kind().name().toLowerCase() + ":" + e.postId();
		MapSqlParameterSource post = new MapSqlParameterSource("kind", e.kind().name()).addValue("post", e.postId())
			.addValue("liker", e.likerId().value())
			.addValue("key", key);
		// likes of one post arrive side by side: each counts and rewrites the post's one notification in turn,
		// so none is lost to a notification written meanwhile
		jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(:key, 0))", post);
		if (jdbc.update("""
				insert into notification_like (post_kind, post_id, liker_id) values (:kind, :post, :liker)
				on conflict do nothing""", post) == 0) {
			return; // this like was counted already
		}
		Long likers = jdbc.queryForObject(
				"select count(*) from notification_like where post_kind = :kind and post_id = :post", post, Long.class);
		long count = likers == null ? 1 : likers;
		String words = count == 1 ? "notification.post-liked.one" : "notification.post-liked.many";
		notifications.renotify(e.authorId(), NotificationKind.POST_LIKED,
				new Message(words, ThreadLinks.title(discussions, e.topicId()), name(e.likerId()), String.valueOf(count)),
				words + ".body", ThreadLinks.link(e.topicId(), e.kind(), e.postId()), key);
	}

	private String name(MemberId member) {
		return members.usernames(Set.of(member)).getOrDefault(member, "#" + member.value());
	}

	record Cause(MemberId recipient, NotificationKind kind) {
	}
}
