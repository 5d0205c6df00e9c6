package com.forum.search.internal;

import java.time.Instant;

import com.forum.discussion.ReplySnapshot;
import com.forum.discussion.TopicSnapshot;

/**
 * A thread's opening post or a reply as stored in the posts index. A deleted post stays as a
 * tombstone, without any text, so no search finds it, until the next rebuild: see
 * {@link PostIndex#removal}. {@code votes} are the post's likes when it was last written: a gentle
 * ranking signal and the "most voted" order, not a live count.
 */
public record PostDocument(String kind, long topicId, Long replyId, long boardId, long authorId, String authorName,
		String title, String body, Instant createdAt, boolean solved, int votes) {

	public static final String TOPIC = "topic";

	public static final String REPLY = "reply";

	static PostDocument of(TopicSnapshot topic) {
		return new PostDocument(TOPIC, topic.id().value(), null, topic.boardId().value(), topic.authorId().value(),
				topic.authorName(), topic.title(), topic.text(), topic.createdAt(), topic.solved(),
				topic.likeCount());
	}

	static PostDocument of(ReplySnapshot reply) {
		return new PostDocument(REPLY, reply.topicId().value(), reply.id().value(), reply.boardId().value(),
				reply.authorId().value(), reply.authorName(), null, reply.text(), reply.createdAt(), false,
				reply.likeCount());
	}

	/** What stays of a deleted post: where it was, none of what it said. */
	PostDocument tombstone() {
		return new PostDocument(kind, topicId, replyId, boardId, authorId, null, null, null, createdAt, false, 0);
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
