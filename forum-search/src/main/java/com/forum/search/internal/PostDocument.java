package com.forum.search.internal;

import java.time.Instant;

import com.forum.discussion.ReplySnapshot;
import com.forum.discussion.TopicSnapshot;

/**
 * A thread's opening post or a reply as stored in the posts index. A deleted post stays as a
 * tombstone, without any text, so no search finds it, until the next rebuild: see
 * {@link PostIndex#removal}.
 */
public record PostDocument(String kind, long topicId, Long replyId, long boardId, long authorId, String authorName,
		String title, String body, Instant createdAt, boolean solved) {

	static final String TOPIC = "topic";

	static final String REPLY = "reply";

	static PostDocument of(TopicSnapshot topic) {
		return new PostDocument(TOPIC, topic.id().value(), null, topic.boardId().value(), topic.authorId().value(),
				topic.authorName(), topic.title(), topic.text(), topic.createdAt(), topic.solved());
	}

	static PostDocument of(ReplySnapshot reply) {
		return new PostDocument(REPLY, reply.topicId().value(), reply.id().value(), reply.boardId().value(),
				reply.authorId().value(), reply.authorName(), null, reply.text(), reply.createdAt(), false);
	}

	/** What stays of a deleted post: where it was, none of what it said. */
	PostDocument tombstone() {
		return new PostDocument(kind, topicId, replyId, boardId, authorId, null, null, null, createdAt, false);
	}

	static String topicDocId(long topicId) {
		return "t" + topicId;
	}

	static String replyDocId(long replyId) {
		return "r" + replyId;
	}

	/** Elasticsearch's external versions must be positive; entity versions start at zero. */
	static long externalVersion(long entityVersion) {
		return entityVersion + 1;
	}
}
