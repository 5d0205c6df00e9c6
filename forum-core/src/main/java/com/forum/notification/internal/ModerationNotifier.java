package com.forum.notification.internal;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.FlagResolved;
import com.forum.discussion.PostHidden;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostRestored;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSnapshot;
import com.forum.notification.Message;
import com.forum.notification.Notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a post's author when it is hidden pending review (with the reason) and when a moderator
 * shows it again, and each flagger what became of their flag. The words are keys, rendered in the
 * reader's language; each notification's key makes a redelivered event add nothing.
 */
@Component
class ModerationNotifier {

	private final Notifications notifications;

	private final DiscussionQueries discussions;

	ModerationNotifier(Notifications notifications, DiscussionQueries discussions) {
		this.notifications = notifications;
		this.discussions = discussions;
	}

	@ApplicationModuleListener
	void on(PostHidden e) {
		notifications.tell(e.authorId(), "post-hidden",
				new Message("notification.post-hidden." + e.reason().id(), title(e.topicId())),
				"notification.post-hidden.body", link(e.topicId(), e.kind(), e.postId()),
				"hidden:" + e.kind() + ":" + e.postId() + ":" + e.hiddenAt().toEpochMilli());
	}

	@ApplicationModuleListener
	void on(PostRestored e) {
		if (e.wasHidden()) {
			notifications.tell(e.authorId(), "post-restored", new Message("notification.post-restored", title(e.topicId())),
					"notification.post-restored.body", link(e.topicId(), e.kind(), e.postId()),
					"restored:" + e.kind() + ":" + e.postId() + ":" + e.at().toEpochMilli());
		}
	}

	@ApplicationModuleListener
	void on(FlagResolved e) {
		String outcome = e.agreed() ? "agreed" : "declined";
		boolean gone = e.agreed() && e.kind() == PostKind.TOPIC;
		notifications.tell(e.flaggerId(), "flag-" + outcome,
				new Message("notification.flag-" + outcome, title(e.topicId())), "notification.flag-" + outcome + ".body",
				gone ? "/" : link(e.topicId(), e.kind(), e.postId()), "flag:" + e.flagId());
	}

	private String title(TopicId topic) {
		return discussions.topicSnapshot(topic).map(TopicSnapshot::title).orElse("#" + topic.value());
	}

	private static String link(TopicId topic, PostKind kind, long postId) {
		return kind == PostKind.TOPIC ? "/threads/" + topic.value() : "/threads/" + topic.value() + "?reply=" + postId;
	}
}
