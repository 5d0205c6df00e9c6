package com.forum.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.PostHidden;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostRestored;
import com.forum.discussion.ReplyChanged;
import com.forum.discussion.ReplyId;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.ReplySnapshot;
import com.forum.discussion.TopicChanged;
import com.forum.discussion.TopicDeleted;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSnapshot;
import com.forum.discussion.TopicStarted;
import com.forum.shared.DomainEvent;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the posts index in step with the database. Each event only says which post changed; the
 * indexer reloads that post and writes its current state, so a lost ordering or a repeated
 * delivery cannot leave the index wrong. The listeners hold no database transaction while they call
 * Elasticsearch.
 */
@Component
public class PostIndexer {

	private final DiscussionQueries discussions;

	private final PostIndex index;

	PostIndexer(DiscussionQueries discussions, PostIndex index) {
		this.discussions = discussions;
		this.index = index;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(TopicStarted event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(TopicChanged event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(TopicDeleted event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(ReplyPosted event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(ReplyChanged event) throws IOException {
		handle(event);
	}

	/** A post hidden pending review leaves the index as a deleted one does; kept, it comes back. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(PostHidden event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(PostRestored event) throws IOException {
		handle(event);
	}

	public void handle(DomainEvent event) throws IOException {
		List<BulkOperation> operations = new ArrayList<>();
		switch (event) {
			case TopicStarted e -> operations.add(topic(e.topicId()));
			case TopicChanged e -> operations.add(topic(e.topicId()));
			case TopicDeleted e -> {
				operations.add(topic(e.topicId()));
				discussions.replyIds(e.topicId()).forEach(reply -> operations.add(reply(reply)));
			}
			case ReplyPosted e -> operations.add(reply(e.replyId()));
			case ReplyChanged e -> operations.add(reply(e.replyId()));
			case PostHidden e -> operations.add(post(e.kind(), e.postId()));
			case PostRestored e -> operations.add(post(e.kind(), e.postId()));
			default -> throw new IllegalArgumentException("Not an event for the posts index: " + event);
		}
		index.write(operations);
	}

	private BulkOperation post(PostKind kind, long id) {
		return kind == PostKind.TOPIC ? topic(new TopicId(id)) : reply(new ReplyId(id));
	}

	private BulkOperation topic(TopicId id) {
		TopicSnapshot topic = discussions.topicSnapshot(id).orElseThrow();
		return operationFor(topic);
	}

	private BulkOperation reply(ReplyId id) {
		ReplySnapshot reply = discussions.replySnapshot(id).orElseThrow();
		return operationFor(reply);
	}

	public static BulkOperation operationFor(TopicSnapshot topic) {
		String docId = PostDocument.topicDocId(topic.id().value());
		long version = PostDocument.externalVersion(topic.version());
		PostDocument document = PostDocument.of(topic);
		return !topic.visible() ? PostIndex.removal(docId, version, document.tombstone())
				: PostIndex.addition(docId, version, document);
	}

	public static BulkOperation operationFor(ReplySnapshot reply) {
		String docId = PostDocument.replyDocId(reply.id().value());
		long version = PostDocument.externalVersion(reply.version());
		PostDocument document = PostDocument.of(reply);
		return reply.visible() ? PostIndex.addition(docId, version, document)
				: PostIndex.removal(docId, version, document.tombstone());
	}
}
