package com.forum.notification.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostKind;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.ReplySnapshot;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSnapshot;
import com.forum.discussion.TopicStarted;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.notification.Message;
import com.forum.notification.NotificationKind;
import com.forum.notification.Notifications;
import com.forum.watching.Following;
import com.forum.watching.Watching;
import com.forum.watching.WatchingProperties;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells watchers of a thread of each new reply, followers of a member of each thread they start, and
 * watchers of a board of each thread started in it.
 * <p>
 * Never the one who posted, and never twice: the members the post concerns directly (the thread's author,
 * the quoted, the mentioned) are left to {@link DiscussionNotifier}, whose cause is the stronger one and
 * whose channel they chose for it (a thread's author who turned replies off is not told of them as a
 * watcher either). Both notifiers tell under the post's one key besides. Since the members each leaves to
 * the other are fixed by the event, it does not matter which runs first.
 * <p>
 * A thread with ten thousand watchers is told in batches ({@code forum.watching.batch-size}), each its
 * own transaction: this listener runs outside one, so no transaction holds ten thousand rows' locks, and a
 * delivery that stops half-way is retried and tells only those the keys show were not told yet.
 */
@Component
class WatchNotifier {

	private final Notifications notifications;

	private final DiscussionQueries discussions;

	private final MemberDirectory members;

	private final Watching watching;

	private final Following following;

	private final WatchingProperties properties;

	WatchNotifier(Notifications notifications, DiscussionQueries discussions,
			MemberDirectory members, Watching watching, Following following, WatchingProperties properties) {
		this.notifications = notifications;
		this.discussions = discussions;
		this.members = members;
		this.watching = watching;
		this.following = following;
		this.properties = properties;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ReplyPosted e) {
		if (!discussions.replySnapshot(e.replyId()).map(ReplySnapshot::visible).orElse(false)) {
			return; // a reply held for review (or gone already) is no news to tell
		}
		Set<MemberId> leftOut = new HashSet<>(List.of(e.authorId()));
		DiscussionNotifier.causes(e).forEach(cause -> leftOut.add(cause.recipient()));
		Message title = new Message("notification.watched-reply", ThreadLinks.title(discussions, e.topicId()),
				name(e.authorId()));
		tellInBatches(e.topicId(), after -> watching.watchers(e.topicId(), after, properties.batchSize()), leftOut,
				NotificationKind.WATCHED_REPLY, title,
				ThreadLinks.link(e.topicId(), PostKind.REPLY, e.replyId().value()), DiscussionNotifier.replyKey(e));
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(TopicStarted e) {
		TopicSnapshot topic = discussions.topicSnapshot(e.topicId()).orElse(null);
		if (topic == null || topic.deleted() || topic.hidden()) {
			return;
		}
		Set<MemberId> leftOut = new HashSet<>(List.of(e.authorId()));
		leftOut.addAll(e.mentionedIds());
		String link = ThreadLinks.link(e.topicId(), PostKind.TOPIC, e.topicId().value());
		String key = DiscussionNotifier.topicKey(e.topicId());
		tellInBatches(e.topicId(), after -> following.followers(e.authorId(), after, properties.batchSize()), leftOut,
				NotificationKind.FOLLOWED_THREAD, new Message("notification.followed-thread", topic.title(),
						name(e.authorId())), link, key);
		// a new thread's watchers are its board's (and its author, left out), not whoever watched the thread
		// between its start and this delivery: under the same key, a follower who also watches the board has
		// been told already and is not told again
		tellInBatches(e.topicId(), after -> watching.boardWatchers(e.topicId(), after, properties.batchSize()), leftOut,
				NotificationKind.WATCHED_THREAD, new Message("notification.watched-thread", topic.title(),
						name(e.authorId())), link, key);
	}

	/** Walks the recipients batch by batch; members who muted the thread (or its board) hear nothing. */
	private void tellInBatches(TopicId topic, Function<MemberId, List<MemberId>> batches, Set<MemberId> leftOut,
			NotificationKind kind, Message title, String link, String key) {
		MemberId after = null;
		List<MemberId> batch;
		while (!(batch = batches.apply(after)).isEmpty()) {
			after = batch.get(batch.size() - 1);
			List<MemberId> candidates = batch.stream().filter(member -> !leftOut.contains(member)).toList();
			Set<MemberId> muted = watching.mutedAmong(topic, candidates);
			notifications.notifyMany(candidates.stream().filter(member -> !muted.contains(member)).toList(), kind, title,
					"notification." + kind.id() + ".body", link, key);
		}
	}

	private String name(MemberId member) {
		return members.usernames(Set.of(member)).getOrDefault(member, "#" + member.value());
	}
}
