package com.forum.notification.internal;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostKind;
import com.forum.discussion.TopicFeatured;
import com.forum.notification.Message;
import com.forum.notification.Notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a thread's author that a moderator featured it (精华). Each featuring is told once (its time is
 * in the key), a moderator featuring their own thread is not told, and taking a thread off the list
 * is not news worth a notification.
 */
@Component
class FeaturedNotifier {

	private final Notifications notifications;

	private final DiscussionQueries discussions;

	FeaturedNotifier(Notifications notifications, DiscussionQueries discussions) {
		this.notifications = notifications;
		this.discussions = discussions;
	}

	@ApplicationModuleListener
	void on(TopicFeatured e) {
		if (!e.featured() || e.authorId().equals(e.moderatorId())) {
			return;
		}
		notifications.tell(e.authorId(), "topic-featured",
				new Message("notification.topic-featured", ThreadLinks.title(discussions, e.topicId())),
				"notification.topic-featured.body", ThreadLinks.link(e.topicId(), PostKind.TOPIC, e.topicId().value()),
				"featured:" + e.topicId().value() + ":" + e.featuredAt().toEpochMilli());
	}
}
