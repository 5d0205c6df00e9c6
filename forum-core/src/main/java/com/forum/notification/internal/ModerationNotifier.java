package com.forum.notification.internal;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.FlagResolved;
import com.forum.discussion.PostHidden;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostModerated;
import com.forum.discussion.PostRestored;
import com.forum.notification.Message;
import com.forum.notification.Notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a post's author when it is hidden pending review (with the reason), when a moderator shows it
 * again and when a moderator deletes it, and each flagger what became of their flag. The words are
 * keys, rendered in the reader's language; each notification's key makes a redelivered event add
 * nothing.
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
				new Message("notification.post-hidden." + e.reason().id(), ThreadLinks.title(discussions, e.topicId())),
				"notification.post-hidden.body", ThreadLinks.link(e.topicId(), e.kind(), e.postId()),
				"hidden:" + e.kind() + ":" + e.postId() + ":" + e.hiddenAt().toEpochMilli());
	}

	@ApplicationModuleListener
	void on(PostRestored e) {
		if (e.wasHidden()) {
			notifications.tell(e.authorId(), "post-restored", new Message("notification.post-restored", ThreadLinks.title(discussions, e.topicId())),
					"notification.post-restored.body", ThreadLinks.link(e.topicId(), e.kind(), e.postId()),
					"restored:" + e.kind() + ":" + e.postId() + ":" + e.at().toEpochMilli());
		}
	}

	/**
	 * A moderator deleted a member's post (by hand or as the review of flags decided): its author hears
	 * it, once. Deleting their own post as a member tells nobody, and carries no author.
	 */
	@ApplicationModuleListener
	void on(PostModerated e) {
		if ("deleted".equals(e.action()) && e.authorId() != null && !e.authorId().equals(e.moderatorId())) {
			notifications.tell(e.authorId(), "post-removed",
					new Message("notification.post-removed", ThreadLinks.title(discussions, e.topicId())),
					"notification.post-removed.body",
					e.kind() == PostKind.TOPIC ? "/" : ThreadLinks.link(e.topicId(), e.kind(), e.postId()),
					"removed:" + e.kind() + ":" + e.postId());
		}
	}

	@ApplicationModuleListener
	void on(FlagResolved e) {
		String outcome = e.agreed() ? "agreed" : "declined";
		boolean gone = e.agreed() && e.kind() == PostKind.TOPIC;
		notifications.tell(e.flaggerId(), "flag-" + outcome,
				new Message("notification.flag-" + outcome, ThreadLinks.title(discussions, e.topicId())), "notification.flag-" + outcome + ".body",
				gone ? "/" : ThreadLinks.link(e.topicId(), e.kind(), e.postId()), "flag:" + e.flagId());
	}
}
