package com.forum.web.pages;

import java.util.List;
import java.util.Set;

import com.forum.bookmark.Bookmarks;
import com.forum.discussion.PostKind;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.TopicDetails;
import com.forum.poll.PollResults;
import com.forum.poll.Polls;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * What the thread page shows of polls and bookmarks, as {@code ${@pollsView.poll(topic, viewer)}}: the
 * thread's poll as the one looking sees it, and which of the page's posts they bookmarked. A visitor's
 * page (the one kept in the page cache) holds no one's choices or bookmarks.
 */
@Component("pollsView")
public class PollsView {

	private final Polls polls;

	private final Bookmarks bookmarks;

	PollsView(Polls polls, Bookmarks bookmarks) {
		this.polls = polls;
		this.bookmarks = bookmarks;
	}

	/** The thread's poll, or null when it has none. */
	public PollResults poll(TopicDetails topic, Viewer viewer) {
		return polls.of(topic, viewer.signedIn() ? viewer.member().memberId() : null, viewer.moderates()).orElse(null);
	}

	/** Whether the viewer bookmarked the thread's opening post. */
	public boolean bookmarkedThread(TopicDetails topic, Viewer viewer) {
		return viewer.signedIn() && bookmarks.has(viewer.member().memberId(), PostKind.TOPIC, topic.id().value());
	}

	/** The replies of the page the viewer bookmarked. */
	public Set<Long> bookmarkedReplies(Page<ReplyDetails> replies, Viewer viewer) {
		if (!viewer.signedIn()) {
			return Set.of();
		}
		List<Long> ids = replies.getContent().stream().map(r -> r.id().value()).toList();
		return Set.copyOf(bookmarks.bookmarkedReplies(viewer.member().memberId(), ids));
	}
}
