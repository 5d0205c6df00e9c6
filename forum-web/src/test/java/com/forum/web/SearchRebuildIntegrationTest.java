package com.forum.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.board.BoardKind;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.Discussions;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicDeleted;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.MemberRegistration;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionTriage;
import com.forum.petition.PetitionVoting;
import com.forum.petition.StatusChange;
import com.forum.petition.TitleSimilarity;
import com.forum.search.ReindexReport;
import com.forum.search.Reindexer;
import com.forum.search.SearchProperties;
import com.forum.search.internal.PetitionDocument;
import com.forum.search.internal.PostDocument;
import com.forum.search.internal.PostIndexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rebuilds of both indexes against a data set big enough for a rebuild to take a while: a deleted
 * index comes back whole from the database, and changes made while a rebuild runs survive the swap.
 * Searches run in the background throughout and must all be answered.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRebuildIntegrationTest {

	private static final int TOPICS = 3_000;

	private static final int PETITIONS = 5_000;

	/** Generous: with other builds on the machine a rebuild of this data set has taken over a minute. */
	private static final Duration INDEXING = Duration.ofSeconds(90);

	@LocalServerPort
	int port;

	@Autowired
	TitleSimilarity similarity;

	@Autowired
	Reindexer reindexer;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	SearchProperties search;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DiscussionQueries discussionQueries;

	@Autowired
	Discussions discussions;

	@Autowired
	PostIndexer postIndexer;

	@Autowired
	PetitionSubmission submission;

	@Autowired
	PetitionTriage triage;

	@Autowired
	PetitionVoting voting;

	@Autowired
	MemberRegistration registration;

	@Autowired
	BoardCatalog boards;

	private String word;

	private BoardId board;

	private Actor author;

	private Actor employee;

	/** The first thread and petition of the data set, read by a rebuild's backfill in its first batch or so. */
	private long firstTopic;

	private long firstPetition;

	@BeforeAll
	void aDataSetOfThousandsOfThreadsRepliesAndPetitions() {
		word = "zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		board = boards.create("bulk-" + word, "Bulk " + word, "A big data set for rebuilds.", BoardKind.DISCUSSION);
		author = actor("bulk", Role.MEMBER);
		employee = actor("pm", Role.EMPLOYEE);
		// straight into the tables: going through the services would take minutes and test nothing more here
		jdbc.update("""
				insert into topic (board_id, author_id, title, body, body_html, created_at, last_activity_at,
				                   reply_count)
				select ?, ?, 'Bulk thread ' || g || ' ' || ?, 'Body of bulk thread ' || g || ' about **' || ? || '**',
				       '<p>Body of bulk thread ' || g || '</p>', now() - g * interval '1 second', now(), 1
				from generate_series(1, ?) g""", board.value(), author.id().value(), word, word, TOPICS);
		jdbc.update("""
				insert into reply (topic_id, author_id, body, body_html, created_at)
				select id, author_id, 'A reply to ' || title, '<p>A reply</p>', now() from topic where board_id = ?""",
				board.value());
		jdbc.update("""
				insert into petition (board_id, author_id, title, description, description_html, status,
				                      status_changed_at, created_at)
				select ?, ?, 'Bulk petition ' || g || ' ' || ?, 'Details', '<p>Details</p>', 'SUBMITTED',
				       now() - g * interval '1 second', now() - g * interval '1 second'
				from generate_series(1, ?) g""", board.value(), author.id().value(), word, PETITIONS);
		firstTopic = jdbc.queryForObject("select min(id) from topic where board_id = ?", Long.class, board.value());
		firstPetition = jdbc.queryForObject("select min(id) from petition where board_id = ?", Long.class,
				board.value());
	}

	@Test
	void aDeletedPetitionsIndexIsRestoredFromTheDatabaseWhileSearchesKeepBeingAnswered() throws Exception {
		deleteIndexBehind(petitionsAlias());
		// its indexing fails until the rebuild, and must not create an index with guessed mappings meanwhile:
		// an index named like the alias would make the rebuild's swap fail
		PetitionId submitted = submission.submit(author,
				new PetitionDraft(board, "Submitted with no index " + word, "Details", null, null, Set.of()));

		BackgroundSearches searches = new BackgroundSearches(new ApiClient(port), word);
		ReindexReport report;
		try {
			report = reindexer.rebuild();
		}
		finally {
			searches.close();
		}

		System.out.printf("rebuild after deleting the petitions index: %s; %s%n", report, searches);
		assertThat(searches.count()).isPositive();
		assertThat(searches.failures()).isZero();
		assertThat(report.petitions()).isGreaterThan(PETITIONS);
		assertThat(source(petitionsAlias(), Long.toString(submitted.value()), PetitionDocument.class)).get()
			.extracting(PetitionDocument::title)
			.isEqualTo("Submitted with no index " + word);
		assertIndexed(this::petitionDocuments, this::petitionsInTheDatabase);
		assertThat(new ApiClient(port).get("/api/v1/petitions/similar?title=Bulk+petition+17+" + word, null)
			.json()
			.get("items")
			.valueStream()
			.map(p -> p.get("title").asString())).contains("Bulk petition 17 " + word);
	}

	@Test
	void aDeletedPostsIndexIsRestoredFromTheDatabaseWhileSearchesKeepBeingAnswered() throws Exception {
		deleteIndexBehind(search.postsAlias());
		// its removal fails until the rebuild, and must not create an index meanwhile either
		TopicId deleted = new TopicId(firstTopic + 2);
		discussions.deleteTopic(author, deleted);
		assertThatThrownBy(() -> postIndexer.handle(new TopicDeleted(deleted, author.id())))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("index_not_found_exception");
		assertThat(elasticsearch.indices()
			.resolveIndex(r -> r.name(search.postsAlias() + "*"))
			.indices()).extracting(ResolveIndexItem::name)
			.doesNotContain(search.postsAlias(), search.postsAlias() + "-rebuild");

		BackgroundSearches searches = new BackgroundSearches(new ApiClient(port), word);
		ReindexReport report;
		try {
			report = reindexer.rebuild();
		}
		finally {
			searches.close();
		}

		System.out.printf("rebuild after deleting the posts index: %s; %s%n", report, searches);
		assertThat(searches.count()).isPositive();
		assertThat(searches.failures()).isZero();
		assertThat(report.topics() + report.replies()).isGreaterThan(2L * TOPICS - 10);
		// left out by the backfill, or a tombstone if a retried removal reached the new index
		assertThat(source(search.postsAlias(), "t" + deleted.value(), PostDocument.class).map(PostDocument::body))
			.isEmpty();
		assertIndexed(this::postDocuments, this::postsInTheDatabase);
		assertSearchFindsEveryVisiblePostOfTheDataSet(new ApiClient(port));
	}

	@Test
	void changesMadeWhileARebuildRunsArePresentAfterTheSwap() throws Exception {
		ApiClient api = new ApiClient(port);
		String edited = "Edited during the rebuild " + word;
		String late = "zl" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		List<MemberId> voters = SeededMember.many(jdbc, 25);
		PetitionId votedOn = new PetitionId(firstPetition + 1);
		TopicId removed = new TopicId(firstTopic + 1);

		BackgroundSearches searches = new BackgroundSearches(api, word);
		CompletableFuture<ReindexReport> rebuild = CompletableFuture.supplyAsync(reindexer::rebuild);
		TopicId started;
		PetitionId submitted;
		try {
			// posts: the backfill has copied the first thread into the new index, so only the indexer's
			// write through the rebuild alias can bring the edit there; a rebuild that waited for the lock
			// behind a background check, or ran between two looks, may be over already
			String postsRebuild = search.postsAlias() + "-rebuild";
			Await.until(INDEXING, () -> rebuild.isDone()
					|| source(postsRebuild, "t" + firstTopic, PostDocument.class).isPresent());
			discussions.editTopic(author, new TopicId(firstTopic), edited, "Edited body");
			discussions.deleteTopic(author, removed);
			started = discussions.startTopic(author, board, "Started during the rebuild " + late, late);
			// on a busy machine the rebuild may swap before the edit's write: the write then goes to the
			// new index as the live one, which the checks after the swap find
			Await.until(INDEXING, () -> rebuild.isDone() || source(postsRebuild, "t" + firstTopic, PostDocument.class)
				.map(document -> edited.equals(document.title()))
				.orElse(false));

			// petitions: the same for a status change; the votes are folded within a second and may
			// reach the new index through either alias
			String petitionsRebuild = petitionsAlias() + "-rebuild";
			Await.until(INDEXING, () -> rebuild.isDone()
					|| source(petitionsRebuild, Long.toString(votedOn.value()), PetitionDocument.class).isPresent());
			triage.changeStatus(employee, new PetitionId(firstPetition),
					new StatusChange(PetitionStatus.UNDER_REVIEW, null, null, null));
			voters.forEach(voter -> voting.vote(new Actor(voter, Role.MEMBER), votedOn, null));
			submitted = submission.submit(author,
					new PetitionDraft(board, "Submitted during the rebuild " + late, "Details", null, null, Set.of()));
			// the petitions are few and may finish copying before the change: then the swap has happened
			// and the checks after it find the change in the live index instead
			Await.until(INDEXING, () -> rebuild.isDone()
					|| source(petitionsRebuild, Long.toString(firstPetition), PetitionDocument.class)
						.map(document -> document.status().equals(PetitionStatus.UNDER_REVIEW.name()))
						.orElse(false));
		}
		finally {
			rebuild.join();
			searches.close();
		}

		System.out.printf("rebuild with changes made meanwhile: %s; %s%n", rebuild.join(), searches);
		assertThat(searches.failures()).isZero();
		Await.until(INDEXING, () -> source(search.postsAlias(), "t" + firstTopic, PostDocument.class)
			.filter(document -> edited.equals(document.title()))
			.isPresent());
		assertThat(source(search.postsAlias(), "t" + firstTopic, PostDocument.class)).get()
			.extracting(PostDocument::title, PostDocument::body)
			.containsExactly(edited, "Edited body");
		// the deletion during the rebuild left a tombstone in the new index, which no late write of the
		// thread can overwrite
		Await.until(INDEXING, () -> source(search.postsAlias(), "t" + removed.value(), PostDocument.class)
			.filter(p -> p.body() == null)
			.isPresent());
		assertThat(source(search.postsAlias(), "t" + removed.value(), PostDocument.class)).get()
			.extracting(PostDocument::title, PostDocument::body, PostDocument::authorName)
			.containsOnlyNulls();
		assertSearchFindsEveryVisiblePostOfTheDataSet(api);
		Await.until(INDEXING, () -> source(petitionsAlias(), Long.toString(firstPetition), PetitionDocument.class)
			.map(document -> document.status().equals(PetitionStatus.UNDER_REVIEW.name()))
			.orElse(false));
		Await.until(INDEXING, () -> source(search.postsAlias(), "t" + started.value(), PostDocument.class).isPresent()
				&& source(petitionsAlias(), Long.toString(submitted.value()), PetitionDocument.class)
					.filter(p -> p.votes() == 1)
					.isPresent()
				&& source(petitionsAlias(), Long.toString(votedOn.value()), PetitionDocument.class).orElseThrow()
					.votes() == voters.size());
		assertThat(api.get("/api/v1/search?type=thread&q=" + late, null).json().get("totalItems").asLong()).isEqualTo(1);
		assertIndexed(this::petitionDocuments, this::petitionsInTheDatabase);
		assertIndexed(this::postDocuments, this::postsInTheDatabase);
	}

	/**
	 * The zero-downtime proof: while the rebuild runs, searches that found something before keep finding
	 * it (no error, no empty answer) and replies keep being written; afterwards every post and petition of
	 * the database is in the new indexes, the replies written during the rebuild included.
	 */
	@Test
	void searchesKeepFindingAndRepliesWrittenDuringARebuildAreAllInTheNewIndex() throws Exception {
		ApiClient api = new ApiClient(port);
		TopicId topic = new TopicId(firstTopic + 5);
		List<String> matching = List.of("/api/v1/search?q=" + word, "/api/v1/search?q=Bulk+thread+" + word,
				"/api/v1/search?q=" + word + "&boardId=" + board.value() + "&sort=newest",
				"/api/v1/petitions/similar?title=Bulk+petition+" + word);
		assertThat(matching).allSatisfy(path -> assertThat(found(api.get(path, null))).as(path).isPositive());
		String indexName = behind(search.postsAlias());

		List<ReplyId> written = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean writing = new AtomicBoolean(true);
		Thread writer = Thread.ofVirtual().start(() -> {
			for (int i = 0; writing.get(); i++) {
				written.add(discussions.reply(employee, topic, "Written during the rebuild " + word + " number " + i,
						null));
				pause(Duration.ofMillis(50));
			}
		});
		BackgroundSearches searches = new BackgroundSearches(api, matching, true);
		ReindexReport report;
		try {
			report = reindexer.rebuild();
		}
		finally {
			writing.set(false);
			writer.join();
			searches.close();
		}

		System.out.printf("rebuild with searches and replies meanwhile: %s; %s; %d replies written meanwhile%n", report,
				searches, written.size());
		assertThat(behind(search.postsAlias())).isNotEqualTo(indexName);
		assertThat(searches.count()).isGreaterThan(matching.size());
		assertThat(searches.failures()).isZero();
		assertThat(written).isNotEmpty();
		Await.until(INDEXING, () -> written.stream()
			.allMatch(reply -> source(search.postsAlias(), "r" + reply.value(), PostDocument.class).isPresent()));
		assertIndexed(this::postDocuments, this::postsInTheDatabase);
		assertIndexed(this::petitionDocuments, this::petitionsInTheDatabase);
	}

	/** How many results an answer holds: the search's total, or the similar petitions listed. */
	private static long found(ApiClient.Response response) {
		if (response.status() != 200) {
			return -1;
		}
		var json = response.json();
		return json.has("totalItems") ? json.get("totalItems").asLong() : json.get("items").size();
	}

	private String behind(String alias) throws IOException {
		return String.join(",", elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet());
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Indexing after a commit is asynchronous: waits for the index to agree, then shows any difference. */
	private static <T> void assertIndexed(Supplier<Map<String, T>> index, Supplier<Map<String, T>> database) {
		try {
			Await.until(INDEXING, () -> index.get().equals(database.get()));
		}
		catch (AssertionError ex) {
			assertThat(index.get()).containsExactlyInAnyOrderEntriesOf(database.get());
		}
	}

	private String petitionsAlias() {
		return search.indexPrefix() + "-petitions";
	}

	private void deleteIndexBehind(String alias) throws IOException {
		Await.until(INDEXING, () -> aliasExists(alias)); // a restore, say after an earlier test's deletion
		List<String> indices = List.copyOf(elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet());
		elasticsearch.indices().delete(d -> d.index(indices));
		assertThat(aliasExists(alias)).isFalse();
	}

	private boolean aliasExists(String alias) {
		try {
			return elasticsearch.indices().existsAlias(a -> a.name(alias)).value();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The document as stored, read in real time; empty if it is not there, failing if the alias is gone. */
	private <T> Optional<T> source(String alias, String id, Class<T> type) {
		try {
			GetResponse<T> found = elasticsearch.get(g -> g.index(alias).id(id), type);
			return found.found() ? Optional.of(found.source()) : Optional.empty();
		}
		catch (ElasticsearchException ex) {
			if ("index_not_found_exception".equals(ex.error().type())) {
				return Optional.empty();
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, PetitionDocument> petitionDocuments() {
		return everything(petitionsAlias(), PetitionDocument.class);
	}

	/** Tombstones of deleted posts left out: they have no text and no search finds them. */
	private Map<String, PostDocument> postDocuments() {
		Map<String, PostDocument> documents = everything(search.postsAlias(), PostDocument.class);
		documents.values().removeIf(document -> document.body() == null);
		return documents;
	}

	/** Allows for the index's refresh interval: a tombstone just written is not yet seen by searches. */
	private void assertSearchFindsEveryVisiblePostOfTheDataSet(ApiClient api) {
		long visible = visiblePostsOfTheDataSet();
		try {
			Await.until(INDEXING, () -> totalFound(api) == visible);
		}
		catch (AssertionError ex) {
			assertThat(totalFound(api)).isEqualTo(visible);
		}
	}

	private long totalFound(ApiClient api) {
		return api.get("/api/v1/search?type=thread,reply&q=" + word, null).json().get("totalItems").asLong();
	}

	/** The data set's threads and replies still visible that mention its word. */
	private long visiblePostsOfTheDataSet() {
		String pattern = "%" + word + "%";
		return jdbc.queryForObject("""
				select (select count(*) from topic where deleted_at is null and title || ' ' || body like ?)
				     + (select count(*) from reply r join topic t on t.id = r.topic_id
				        where t.deleted_at is null and r.deleted_at is null and r.body like ?)""", Long.class,
				pattern, pattern);
	}

	private <T> Map<String, T> everything(String alias, Class<T> type) {
		try {
			elasticsearch.indices().refresh(r -> r.index(alias));
			SearchResponse<T> response = elasticsearch
				.search(s -> s.index(alias).size(10_000).trackTotalHits(t -> t.enabled(true)), type);
			assertThat(response.hits().total().value()).isLessThan(10_000);
			Map<String, T> documents = new HashMap<>();
			for (Hit<T> hit : response.hits().hits()) {
				documents.put(hit.id(), hit.source());
			}
			return documents;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Map<String, PetitionDocument> petitionsInTheDatabase() {
		Map<String, PetitionDocument> expected = new HashMap<>();
		jdbc.query("""
				select id, board_id, title, status, vote_count, created_at, status_changed_at, description,
				  array(select t.tag from petition_tag t where t.petition_id = p.id order by t.tag) tags,
				  (select string_agg(h.response, E'\\n\\n' order by h.id) from petition_history h
				   where h.petition_id = p.id and h.official and h.response is not null) responses
				from petition p""", rs -> {
			expected.put(Long.toString(rs.getLong("id")),
					new PetitionDocument(rs.getLong("id"), rs.getLong("board_id"), rs.getString("title"),
							similarity.clean(rs.getString("title")), rs.getString("status"), rs.getInt("vote_count"), rs.getTimestamp("created_at").toInstant(),
							rs.getTimestamp("status_changed_at").toInstant(), "petition", rs.getString("description"),
							List.of((String[]) rs.getArray("tags").getArray()), rs.getString("responses")));
		});
		return expected;
	}

	private Map<String, PostDocument> postsInTheDatabase() {
		Map<String, PostDocument> expected = new HashMap<>();
		discussionQueries.eachTopic(500, batch -> batch.stream().filter(t -> t.visible()).forEach(t -> expected.put(
				"t" + t.id().value(),
				new PostDocument("topic", t.id().value(), null, t.boardId().value(), t.authorId().value(),
						t.authorName(), t.title(), t.text(), t.createdAt(), t.solved(), t.likeCount()))));
		discussionQueries.eachReply(500, batch -> batch.stream().filter(r -> r.visible()).forEach(r -> expected.put(
				"r" + r.id().value(),
				new PostDocument("reply", r.topicId().value(), r.id().value(), r.boardId().value(),
						r.authorId().value(), r.authorName(), null, r.text(), r.createdAt(), false, r.likeCount()))));
		return expected;
	}

	private Actor actor(String name, Role role) {
		String username = name + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return new Actor(registration.register(username, username + "@example.com", "correct horse battery", role),
				role);
	}


	/**
	 * Searches threads and similar petitions through the API, one after the other, until closed;
	 * counts every answer that is not a 200, every request that failed outright, and, where the searches
	 * must find something, every answer with no result.
	 */
	private static final class BackgroundSearches implements AutoCloseable {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger count = new AtomicInteger();

		private final AtomicInteger failures = new AtomicInteger();

		private final List<String> failed = new ArrayList<>();

		private final Thread searcher;

		BackgroundSearches(ApiClient api, String word) {
			this(api, List.of("/api/v1/search?q=" + word, "/api/v1/petitions/similar?title=Bulk+petition+" + word),
					false);
		}

		BackgroundSearches(ApiClient api, List<String> paths, boolean mustFind) {
			this.searcher = Thread.ofVirtual().start(() -> {
				while (running.get()) {
					for (String path : paths) {
						try {
							ApiClient.Response response = api.get(path, null);
							if (response.status() != 200) {
								fail(path + " answered " + response.status() + ": " + response.body());
							}
							else if (mustFind && found(response) == 0) {
								fail(path + " found nothing");
							}
						}
						catch (RuntimeException ex) {
							fail(path + " failed: " + ex);
						}
						count.incrementAndGet();
					}
				}
			});
		}

		private synchronized void fail(String what) {
			failures.incrementAndGet();
			failed.add(what);
		}

		int count() {
			return count.get();
		}

		int failures() {
			return failures.get();
		}

		@Override
		public void close() throws InterruptedException {
			running.set(false);
			searcher.join();
		}

		@Override
		public synchronized String toString() {
			return count.get() + " searches meanwhile, " + failures.get() + " failed" + (failed.isEmpty() ? ""
					: " " + failed.subList(0, Math.min(3, failed.size())));
		}
	}
}
