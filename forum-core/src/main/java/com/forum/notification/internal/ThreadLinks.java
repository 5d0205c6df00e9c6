package com.forum.notification.internal;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostKind;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSnapshot;

/** How notifications about posts name their thread and point at the post. */
final class ThreadLinks {

	private ThreadLinks() {
	}

	/** The thread's title, or its number once it is gone. */
	static String title(DiscussionQueries discussions, TopicId topic) {
		return discussions.topicSnapshot(topic).map(TopicSnapshot::title).orElse("#" + topic.value());
	}

	static String link(TopicId topic, PostKind kind, long postId) {
		return kind == PostKind.TOPIC ? "/threads/" + topic.value() : "/threads/" + topic.value() + "?reply=" + postId;
	}
}
