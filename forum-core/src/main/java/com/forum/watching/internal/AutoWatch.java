package com.forum.watching.internal;

import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicStarted;
import com.forum.watching.NotificationLevel;
import com.forum.watching.Watching;
import com.forum.watching.WatchingProperties;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Posting is taking part: whoever starts a thread watches it, whoever replies tracks it, as configured.
 * A level the member chose already is kept (a member who muted a thread, or watches its board, and
 * replies once keeps that), so a redelivered event changes nothing.
 */
@Component
class AutoWatch {

	private final Watching watching;

	private final WatchingProperties properties;

	AutoWatch(Watching watching, WatchingProperties properties) {
		this.watching = watching;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(TopicStarted e) {
		if (properties.watchStarted()) {
			watching.chooseUnlessChosen(e.authorId(), e.topicId(), NotificationLevel.WATCHING);
		}
	}

	@ApplicationModuleListener
	void on(ReplyPosted e) {
		if (properties.trackReplied()) {
			watching.chooseWhereNormal(e.authorId(), e.topicId(), NotificationLevel.TRACKING);
		}
	}
}
