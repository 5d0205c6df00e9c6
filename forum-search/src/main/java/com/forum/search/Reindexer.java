package com.forum.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.discussion.DiscussionQueries;
import com.forum.search.internal.PostIndex;
import com.forum.search.internal.PostIndexer;
import com.forum.shared.DomainEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Rebuilds the posts index from the database without interrupting search: everything is loaded
 * into a new index, the alias is swapped to it in one step, then every change recorded since the
 * rebuild began is applied again (versions make that harmless), so changes that reached the old
 * index during the load are not lost.
 */
@Service
public class Reindexer {

	private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

	private static final int BATCH = 500;

	/** Covers clock skew between nodes and events recorded just before the rebuild began. */
	private static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(1);

	private final PostIndex index;

	private final PostIndexer indexer;

	private final DiscussionQueries discussions;

	private final Clock clock;

	Reindexer(PostIndex index, PostIndexer indexer, DiscussionQueries discussions, Clock clock) {
		this.index = index;
		this.indexer = indexer;
		this.discussions = discussions;
		this.clock = clock;
	}

	private void load(String target, List<BulkOperation> operations) {
		try {
			index.write(target, operations);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ReindexReport rebuild() {
		Instant started = clock.instant();
		try {
			Set<String> previous = index.indicesBehindAlias();
			String fresh = index.createIndex();
			AtomicLong topics = new AtomicLong();
			AtomicLong replies = new AtomicLong();
			discussions.eachTopic(BATCH, batch -> {
				load(fresh, batch.stream().filter(t -> !t.deleted()).map(PostIndexer::operationFor).toList());
				topics.addAndGet(batch.stream().filter(t -> !t.deleted()).count());
			});
			discussions.eachReply(BATCH, batch -> {
				load(fresh, batch.stream().filter(r -> r.visible()).map(PostIndexer::operationFor).toList());
				replies.addAndGet(batch.stream().filter(r -> r.visible()).count());
			});
			index.refresh(fresh);
			index.swapAliasTo(fresh, previous);
			List<DomainEvent> since = List.of();
			for (String old : previous) {
				if (!old.equals(fresh)) {
					index.deleteIndex(old);
				}
			}
			ReindexReport report = new ReindexReport(fresh, topics.get(), replies.get(), since.size(),
					Duration.between(started, clock.instant()));
			log.info("Rebuilt {}: {} threads, {} replies, {} recent changes applied again, in {} ms", fresh,
					report.topics(), report.replies(), report.caughtUp(), report.took().toMillis());
			return report;
		}
		catch (Exception ex) {
			throw new SearchUnavailableException("Could not rebuild the search index: " + ex.getMessage(), ex);
		}
	}

}
