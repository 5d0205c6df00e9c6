package com.forum.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicSnapshot;
import com.forum.petition.PetitionQueries;
import com.forum.search.internal.PetitionIndex;
import com.forum.search.internal.PetitionIndexer;
import com.forum.search.internal.PostIndex;
import com.forum.search.internal.PostIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the search indexes (posts, petitions) from the database without interrupting search:
 * each is loaded into a new index while every indexer writes to it as well, then swapped in behind
 * its alias in one step. An index found missing (a first start, an index deleted by mistake) is
 * rebuilt the same way, at start-up or by a periodic check on whichever node gets to it first.
 */
@Service
public class Reindexer {

	private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

	private static final int BATCH = 500;

	private final PostIndex posts;

	private final PetitionIndex petitions;

	private final DiscussionQueries discussions;

	private final PetitionQueries petitionQueries;

	private final Clock clock;

	private final AtomicBoolean restoring = new AtomicBoolean();

	Reindexer(PostIndex posts, PetitionIndex petitions, DiscussionQueries discussions,
			PetitionQueries petitionQueries, Clock clock) {
		this.posts = posts;
		this.petitions = petitions;
		this.discussions = discussions;
		this.petitionQueries = petitionQueries;
		this.clock = clock;
	}

	public ReindexReport rebuild() {
		Instant started = clock.instant();
		try {
			PostCounts postCounts = new PostCounts();
			String postsIndex = posts.rebuild(into -> loadPosts(into, postCounts));
			AtomicLong petitionCount = new AtomicLong();
			String petitionsIndex = petitions.rebuild(into -> loadPetitions(into, petitionCount));
			ReindexReport report = new ReindexReport(postsIndex, postCounts.topics().get(), postCounts.replies().get(),
					petitionsIndex, petitionCount.get(), Duration.between(started, clock.instant()));
			log.info("Rebuilt the search indexes: {} threads and {} replies into {}, {} petitions into {}, in {} ms",
					report.topics(), report.replies(), report.postsIndex(), report.petitions(),
					report.petitionsIndex(), report.took().toMillis());
			return report;
		}
		catch (IOException | RuntimeException ex) {
			throw new SearchUnavailableException("Could not rebuild the search indexes: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Before the application takes work, so a new installation starts with its indexes in place and
	 * the first writes find them. Waits for nobody: if another node is rebuilding, it finishes the job.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void restoreMissingIndexesAtStartUp() {
		restoreMissingIndexes();
	}

	@Scheduled(fixedDelayString = "${forum.search.restore-check-interval:1m}",
			initialDelayString = "${forum.search.restore-check-interval:1m}")
	void checkForMissingIndexes() {
		// fixed-delay tasks take turns on one scheduler thread: neither a rebuild nor a wait for an
		// unreachable cluster may hold up the vote fold or the mail behind it
		if (restoring.compareAndSet(false, true)) {
			Thread.ofVirtual().name("search-restore").start(() -> {
				try {
					restoreMissingIndexes();
				}
				finally {
					restoring.set(false);
				}
			});
		}
	}

	private void restoreMissingIndexes() {
		try {
			posts.restoreIfMissing(into -> loadPosts(into, new PostCounts()));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check or restore the posts index ({}); trying again later", ex.getMessage());
		}
		try {
			petitions.restoreIfMissing(into -> loadPetitions(into, new AtomicLong()));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check or restore the petitions index ({}); trying again later", ex.getMessage());
		}
	}

	private void loadPosts(Consumer<List<BulkOperation>> into, PostCounts counts) {
		discussions.eachTopic(BATCH, batch -> {
			List<BulkOperation> live = batch.stream()
				.filter(TopicSnapshot::visible)
				.map(PostIndexer::operationFor)
				.toList();
			into.accept(live);
			counts.topics().addAndGet(live.size());
		});
		discussions.eachReply(BATCH, batch -> {
			List<BulkOperation> visible = batch.stream()
				.filter(r -> r.visible())
				.map(PostIndexer::operationFor)
				.toList();
			into.accept(visible);
			counts.replies().addAndGet(visible.size());
		});
	}

	private void loadPetitions(Consumer<List<BulkOperation>> into, AtomicLong count) {
		petitionQueries.eachSnapshot(BATCH, batch -> {
			into.accept(batch.stream().map(PetitionIndexer::operationFor).toList());
			count.addAndGet(batch.size());
		});
	}

	private record PostCounts(AtomicLong topics, AtomicLong replies) {

		PostCounts() {
			this(new AtomicLong(), new AtomicLong());
		}
	}
}
