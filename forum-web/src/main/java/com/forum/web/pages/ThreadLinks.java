package com.forum.web.pages;

import java.util.List;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;

import org.springframework.stereotype.Component;

/** Addresses inside a thread: which page of the thread holds a given reply. */
@Component
class ThreadLinks {

	static final int REPLIES_PER_PAGE = 20;

	private final DiscussionQueries queries;

	ThreadLinks(DiscussionQueries queries) {
		this.queries = queries;
	}

	static String thread(TopicId topic) {
		return "/threads/" + topic;
	}

	static String page(TopicId topic, int page) {
		return thread(topic) + (page > 1 ? "?page=" + page : "");
	}

	/** The page of the thread showing this reply, scrolled to it; deleted replies keep their place. */
	String reply(TopicId topic, ReplyId reply) {
		List<ReplyId> ids = queries.replyIds(topic);
		int index = ids.indexOf(reply);
		if (index < 0) {
			return thread(topic);
		}
		return page(topic, index / REPLIES_PER_PAGE + 1) + "#reply-" + reply;
	}
}
