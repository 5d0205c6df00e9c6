package com.forum.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicSnapshot;
import com.forum.member.MemberDirectory;
import com.forum.petition.PetitionQueries;
import com.forum.petition.TitleSimilarity;
import com.forum.search.internal.MemberIndex;
import com.forum.search.internal.MemberIndexer;
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
 * Rebuilds the search indexes (posts, petitions, members) from the database without interrupting search:
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

	private final TitleSimilarity similarity;

	private final MemberIndex members;

	private final MemberDirectory memberDirectory;

	private final Clock clock;

	private final AtomicBoolean restoring = new AtomicBoolean();

	Reindexer(PostIndex posts, PetitionIndex petitions, DiscussionQueries discussions,
			PetitionQueries petitionQueries, TitleSimilarity similarity, MemberIndex members,
			MemberDirectory memberDirectory, Clock clock) {
		this.posts = posts;
		this.petitions = petitions;
		this.discussions = discussions;
		this.petitionQueries = petitionQueries;
		this.similarity = similarity;
		this.members = members;
		this.memberDirectory = memberDirectory;
		this.clock = clock;
	}

	public ReindexReport rebuild() {
		Instant started = clock.instant();
		try {
			PostCounts postCounts = new PostCounts();
			String postsIndex = posts.rebuild(into -> loadPosts(into, postCounts));
			AtomicLong petitionCount = new AtomicLong();
			String petitionsIndex = petitions.rebuild(into -> loadPetitions(into, petitionCount));
			AtomicLong memberCount = new AtomicLong();
			String membersIndex = members.rebuild(into -> loadMembers(into, memberCount));
			ReindexReport report = new ReindexReport(postsIndex, postCounts.topics().get(), postCounts.replies().get(),
					petitionsIndex, petitionCount.get(), Duration.between(started, clock.instant()), membersIndex,
					memberCount.get());
			log.info(
					"Rebuilt the search indexes: {} threads and {} replies into {}, {} petitions into {}, {} members into {}, in {} ms",
					report.topics(), report.replies(), report.postsIndex(), report.petitions(),
					report.petitionsIndex(), report.members(), report.membersIndex(), report.took().toMillis());
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
		inBackground(this::rebuildOutdatedIndexes);
	}

	/**
	 * Rebuilds each index whose live index was built from another definition (analysis, synonyms,
	 * mappings, filler words; see {@code IndexDefinition}), while the old one keeps serving searches;
	 * the names of the new indexes. Checked once at start-up, where a new version of the application
	 * arrives: a periodic check would have the nodes of two versions rebuilding each other's index back
	 * and forth during a rolling upgrade.
	 */
	public List<String> rebuildOutdatedIndexes() {
		List<String> rebuilt = new ArrayList<>();
		try {
			posts.rebuildIfOutdated(into -> loadPosts(into, new PostCounts())).ifPresent(rebuilt::add);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check or rebuild the outdated posts index ({}); trying again at the next start",
					ex.getMessage());
		}
		try {
			petitions.rebuildIfOutdated(into -> loadPetitions(into, new AtomicLong())).ifPresent(rebuilt::add);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check or rebuild the outdated petitions index ({}); trying again at the next start",
					ex.getMessage());
		}
		try {
			members.rebuildIfOutdated(into -> loadMembers(into, new AtomicLong())).ifPresent(rebuilt::add);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check or rebuild the outdated members index ({}); trying again at the next start",
					ex.getMessage());
		}
		return rebuilt;
	}

	@Scheduled(fixedDelayString = "${forum.search.restore-check-interval:1m}",
			initialDelayString = "${forum.search.restore-check-interval:1m}")
	void checkForMissingIndexes() {
		// fixed-delay tasks take turns on one scheduler thread: neither a rebuild nor a wait for an
		// unreachable cluster may hold up the vote fold or the mail behind it
		inBackground(this::restoreMissingIndexes);
	}

	/** One restore or rebuild check at a time on this node, off the caller's thread; skipped if one runs. */
	private void inBackground(Runnable check) {
		if (restoring.compareAndSet(false, true)) {
			Thread.ofVirtual().name("search-restore").start(() -> {
				try {
					check.run();
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
		try {
			members.restoreIfMissing(into -> loadMembers(into, new AtomicLong()));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not check or restore the members index ({}); trying again later", ex.getMessage());
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
			into.accept(batch.stream().map(petition -> PetitionIndexer.operationFor(petition, similarity)).toList());
			count.addAndGet(batch.size());
		});
	}

	private void loadMembers(Consumer<List<BulkOperation>> into, AtomicLong count) {
		memberDirectory.eachSnapshot(BATCH, batch -> {
			into.accept(batch.stream().map(MemberIndexer::operationFor).toList());
			count.addAndGet(batch.size());
		});
	}

	private record PostCounts(AtomicLong topics, AtomicLong replies) {

		PostCounts() {
			this(new AtomicLong(), new AtomicLong());
		}
	}
}
