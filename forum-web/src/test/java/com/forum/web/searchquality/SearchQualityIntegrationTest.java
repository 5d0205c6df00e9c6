package com.forum.web.searchquality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import com.forum.board.BoardCatalog;
import com.forum.discussion.Discussions;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.TitleSimilarity;
import com.forum.search.PostSearch;
import com.forum.search.SearchHit;
import com.forum.search.SearchProperties;
import com.forum.search.SearchQuery;
import com.forum.search.SearchSort;
import com.forum.search.SimilarPetition;
import com.forum.search.SimilarPetitions;
import com.forum.search.SimilarPetitionsProperties;
import com.forum.web.Await;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search quality, measured: the bilingual corpus posted through the real services (so the real
 * listeners index it), every judged query run through {@link PostSearch}, every labelled petition pair
 * through {@link SimilarPetitions}; nDCG@10, MRR, precision and recall must stay at or above
 * {@code search-quality/thresholds.properties}. {@code ./forum search-quality} runs the same with a
 * larger crowd of generated threads and records the figures in {@code docs/search-quality.md}.
 *
 * <p>
 * The shared test index also holds the demo data and other tests' posts, which nobody judged: they are
 * left out of the rankings (a "condensed" ranking), so the figures do not depend on which tests ran first.
 */
@IntegrationTest
class SearchQualityIntegrationTest {

	/** Generated threads around the hand-written ones; the command asks for more. */
	private static final int GENERATED = Integer.getInteger("forum.search-quality.generated", 60);

	private static final long SEED = Long.getLong("forum.search-quality.seed", 20261201L);

	/** Where the command appends this run's figures (docs/search-quality.md), unset in ./forum test. */
	private static final String RECORD = System.getProperty("forum.search-quality.record");

	private static final String LABEL = System.getProperty("forum.search-quality.label", "./forum test");

	/** Hits read per query: enough that foreign documents left out still leave ten of the corpus. */
	private static final int FETCHED = 50;

	/** Members posting the corpus: at least this many, and enough that none reaches a level-1 daily quota. */
	private static final int MIN_AUTHORS = 120;

	private static final int THREADS_PER_AUTHOR = 8;

	private static final int LOADERS = 4;

	private static final Duration INDEXING = Duration.ofSeconds(120);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Discussions discussions;

	@Autowired
	PetitionSubmission submission;

	@Autowired
	BoardCatalog boards;

	@Autowired
	PostSearch search;

	@Autowired
	SimilarPetitions similar;

	@Autowired
	TitleSimilarity similarity;

	@Autowired
	SimilarPetitionsProperties similarPetitions;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	SearchProperties searchProperties;

	@Test
	void judgedQueriesAndPetitionPairsScoreAtLeastTheRecordedThresholds() throws Exception {
		List<CorpusThread> corpus = SearchQualityCorpus.threads(GENERATED, SEED);
		List<MemberId> authors = SeededMember.many(jdbc,
				Math.max(MIN_AUTHORS, corpus.size() / THREADS_PER_AUTHOR + 1));
		long started = System.nanoTime();
		Map<TopicId, String> keys = post(corpus, authors);
		int replies = corpus.stream().mapToInt(t -> t.replies().size()).sum();
		Map<String, PetitionId> petitions = submitPetitions(authors);
		double postSeconds = (System.nanoTime() - started) / 1e9;
		awaitIndexed(keys, corpus.size() + replies, petitions);
		double loadSeconds = (System.nanoTime() - started) / 1e9;

		List<QualityReport.QueryResult> queries = new ArrayList<>();
		for (JudgedQuery query : JudgedQuery.load()) {
			List<String> ranking = ranking(query.text(), keys);
			queries.add(new QualityReport.QueryResult(query, ranking, RankingMetrics.ndcgAt10(ranking, query.grades()),
					RankingMetrics.reciprocalRank(ranking, query.grades())));
		}
		List<QualityReport.PairResult> pairs = new ArrayList<>();
		List<Long> checks = new ArrayList<>();
		List<PetitionPair> labelled = new ArrayList<>(PetitionPair.load());
		labelled.addAll(PetitionPair.loadHeldOut());
		for (PetitionPair pair : labelled) {
			PetitionId existing = petitions.get(pair.existing());
			long check = System.nanoTime();
			List<SimilarPetition> found = similar.scored(pair.title(), 20);
			checks.add(System.nanoTime() - check);
			double score = found.stream()
				.filter(p -> p.petitionId().equals(existing))
				.mapToDouble(SimilarPetition::score)
				.findFirst()
				.orElse(0);
			pairs.add(new QualityReport.PairResult(pair, score >= similarPetitions.threshold(), score));
		}
		QualityReport report = new QualityReport(LABEL, ZonedDateTime.now(),
				"Corpus: %d threads (%d hand-written, %d generated with seed %d) and %d replies, posted in %.0f s and indexed %.0f s later; %d judged queries, %d labelled petition pairs (%d of them held out) over %d petitions."
					.formatted(corpus.size(), corpus.size() - GENERATED, GENERATED, SEED, replies, postSeconds, loadSeconds - postSeconds,
							queries.size(), pairs.size(), PetitionPair.loadHeldOut().size(), petitions.size()),
				queries, pairs, similarPetitions.threshold(), QualityReport.Latency.of(checks));
		publish(report);

		if (RECORD != null) {
			return; // the command reports on a larger corpus; the thresholds are the test suite's
		}
		Properties thresholds = thresholds();
		Map<String, Double> figures = report.figures();
		for (String name : thresholds.stringPropertyNames()) {
			assertThat(figures.get(name)).as(name + " (thresholds.properties)")
				.isGreaterThanOrEqualTo(Double.parseDouble(thresholds.getProperty(name)));
		}
	}

	/**
	 * The corpus threads through {@link Discussions}, as members post them, each reply by another
	 * member than the thread's author.
	 */
	private Map<TopicId, String> post(List<CorpusThread> corpus, List<MemberId> authors) throws Exception {
		Map<TopicId, String> keys = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(LOADERS)) {
			List<Future<?>> posted = new ArrayList<>();
			for (int i = 0; i < corpus.size(); i++) {
				CorpusThread thread = corpus.get(i);
				int author = i % authors.size();
				posted.add(pool.submit(() -> {
					TopicId topic = discussions.startTopic(member(authors.get(author)), boards.get(thread.board()).id(),
							thread.title(), thread.body());
					for (String reply : thread.replies()) {
						int replier = (author + 1 + next.getAndIncrement() % (authors.size() - 1)) % authors.size();
						discussions.reply(member(authors.get(replier)), topic, reply, null);
					}
					keys.put(topic, thread.key());
				}));
			}
			for (Future<?> done : posted) {
				done.get();
			}
		}
		return keys;
	}

	private Map<String, PetitionId> submitPetitions(List<MemberId> authors) {
		Map<String, PetitionId> ids = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<String, String> petition : PetitionPair.existingTitles().entrySet()) {
			String title = petition.getValue();
			ids.put(petition.getKey(), submission.submit(member(authors.get(i++ % authors.size())),
					new PetitionDraft(boards.get("hyperos").id(), title, "The ask: " + title, null, null, Set.of())));
		}
		return ids;
	}

	/** Every post counted in the index, and every petition found by its own title. */
	private void awaitIndexed(Map<TopicId, String> keys, int posts, Map<String, PetitionId> petitions) {
		List<FieldValue> topics = keys.keySet().stream().map(id -> FieldValue.of(id.value())).toList();
		Await.until(INDEXING, () -> indexed(topics) >= posts);
		for (Map.Entry<String, PetitionId> petition : petitions.entrySet()) {
			String title = PetitionPair.existingTitles().get(petition.getKey());
			Await.until(INDEXING, () -> similar.find(title, 20)
				.stream()
				.map(SimilarPetition::petitionId)
				.anyMatch(petition.getValue()::equals));
		}
	}

	private long indexed(List<FieldValue> topics) {
		try {
			elasticsearch.indices().refresh(r -> r.index(searchProperties.postsAlias()));
			return elasticsearch
				.count(c -> c.index(searchProperties.postsAlias())
					.query(q -> q.terms(t -> t.field("topicId").terms(v -> v.value(topics)))))
				.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The corpus threads in the order search ranks them, each once (a thread's opening post or any of
	 * its replies places it), documents outside the corpus left out. The only place that reads hits.
	 */
	private List<String> ranking(String text, Map<TopicId, String> keys) {
		return search.search(new SearchQuery(text, null, SearchSort.RELEVANCE, 0, FETCHED))
			.hits()
			.stream()
			.map(SearchHit::topicId)
			.filter(Objects::nonNull) // a hit that is no post (once search finds petitions or members)
			.map(keys::get)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

	private static void publish(QualityReport report) throws IOException {
		String markdown = report.markdown();
		System.out.println(markdown);
		Path latest = Path.of("target", "search-quality.md");
		Files.createDirectories(latest.getParent());
		Files.writeString(latest, markdown, StandardCharsets.UTF_8);
		if (RECORD != null) {
			Path record = Path.of(RECORD);
			if (!Files.exists(record)) {
				Files.writeString(record, """
						# Search quality

						Figures of `./forum search-quality`, newest last: nDCG@10 and MRR of the judged queries \
						(forum-web/src/test/resources/search-quality/), precision and recall of similar petitions \
						over the labelled pairs. Compare runs with the same corpus line.

						""", StandardCharsets.UTF_8);
			}
			Files.writeString(record, markdown, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
	}

	private static Properties thresholds() throws IOException {
		Properties thresholds = new Properties();
		try (InputStream in = SearchQualityIntegrationTest.class
			.getResourceAsStream(SearchQualityCorpus.FOLDER + "thresholds.properties")) {
			thresholds.load(in);
		}
		return thresholds;
	}

	private static Actor member(MemberId id) {
		return new Actor(id, Role.MEMBER);
	}
}
