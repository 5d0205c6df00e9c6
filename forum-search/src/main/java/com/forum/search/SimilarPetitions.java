package com.forum.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.petition.TitleSimilarity;
import com.forum.search.internal.PetitionDocument;
import com.forum.search.internal.PetitionIndex;
import com.forum.shared.InvalidInputException;

import org.springframework.stereotype.Service;

/**
 * Existing petitions like the one whose title is being typed, whatever their status, so a member
 * can back an open one or see that it was declined or has shipped. Merged duplicates are left out:
 * their original is the one to show.
 * <p>
 * Titles are compared without their filler words ({@link TitleSimilarity#clean}: "please add",
 * "希望增加", "能不能"), which neither find nor rank anything, and through the index's own analysis:
 * {@code forum_text} (English stems, folding, pairs of Chinese characters) gives each title its
 * terms, {@code forum_text_search} the same terms with the community's synonyms. The synonyms of the
 * whole typed title are added too, so a phrase that cleaning cut ("always on display" loses its
 * "on") still brings its synonyms (AOD, 息屏显示).
 * <p>
 * Elasticsearch proposes candidates by matching the typed title's terms and synonyms; each is then
 * scored as the Dice coefficient of the two titles' features, where a feature counts as shared if
 * the other title has it or it is among the other's synonyms: (features of A found in B's expansion
 * + features of B found in A's) / (|A| + |B|). English words are features as stemmed; Chinese is
 * compared character by character, the pairs taken apart again. Without a dictionary, a pair that
 * straddles two words (桌面双击 gives 面双) is noise that only word order creates: "桌面双击锁屏"
 * and "双击桌面空白处锁屏" ask the same, yet share few pairs. Word order thus plays no part in
 * either language, a rewording that keeps the key words scores high, and titles that share only a
 * product area stay below the threshold ({@link SimilarPetitionsProperties}).
 */
@Service
public class SimilarPetitions {

	private static final String FIELD = "similarityTitle";

	private static final String INDEX_ANALYZER = "forum_text";

	private static final String SEARCH_ANALYZER = "forum_text_search";

	private static final int MAX_LIMIT = 20;

	/** The type the synonym filter gives the terms it adds. */
	private static final String SYNONYM = "SYNONYM";

	private final ElasticsearchClient client;

	private final PetitionIndex index;

	private final TitleSimilarity similarity;

	private final SimilarPetitionsProperties properties;

	SimilarPetitions(ElasticsearchClient client, PetitionIndex index, TitleSimilarity similarity,
			SimilarPetitionsProperties properties) {
		this.client = client;
		this.index = index;
		this.similarity = similarity;
		this.properties = properties;
	}

	/** The most similar first; empty when the title says nothing beyond filler words. */
	public List<SimilarPetition> find(String title, int limit) {
		return find(title, limit, properties.threshold());
	}

	/**
	 * Every candidate Elasticsearch proposes with its score, the threshold not applied: for choosing the
	 * threshold against labelled pairs.
	 */
	public List<SimilarPetition> scored(String title, int limit) {
		return find(title, limit, 0);
	}

	private List<SimilarPetition> find(String title, int limit, double threshold) {
		if (title != null && title.length() > TitleSimilarity.MAX_TITLE_LENGTH) {
			throw new InvalidInputException("title", "too-long",
					"must be at most " + TitleSimilarity.MAX_TITLE_LENGTH + " characters", TitleSimilarity.MAX_TITLE_LENGTH);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "range", "must be 1 to " + MAX_LIMIT, 1, MAX_LIMIT);
		}
		String text = similarity.clean(title);
		if (text.isEmpty()) {
			return List.of();
		}
		try {
			List<Hit<PetitionDocument>> candidates = candidates(text, title);
			if (candidates.isEmpty()) {
				return List.of();
			}
			List<String> cleaned = new ArrayList<>();
			cleaned.add(text);
			candidates.forEach(hit -> cleaned.add(similarityTitle(hit.source())));
			List<String> whole = new ArrayList<>();
			whole.add(title);
			candidates.forEach(hit -> whole.add(hit.source().title()));
			List<Set<String>> own = features(analyzeEach(INDEX_ANALYZER, cleaned, false));
			List<Set<String>> expanded = features(analyzeEach(SEARCH_ANALYZER, cleaned, false));
			List<Set<String>> phraseSynonyms = features(analyzeEach(SEARCH_ANALYZER, whole, true));
			for (int i = 0; i < expanded.size(); i++) {
				expanded.get(i).addAll(phraseSynonyms.get(i));
			}
			Terms typed = new Terms(own.get(0), expanded.get(0));
			List<SimilarPetition> found = new ArrayList<>();
			for (int i = 0; i < candidates.size(); i++) {
				PetitionDocument doc = candidates.get(i).source();
				double score = typed.dice(new Terms(own.get(i + 1), expanded.get(i + 1)));
				if (score >= threshold) {
					found.add(new SimilarPetition(new PetitionId(doc.petitionId()), doc.title(),
							PetitionStatus.valueOf(doc.status()), doc.votes(), score));
				}
			}
			return found.stream()
				.sorted(Comparator.comparingDouble(SimilarPetition::score)
					.reversed()
					.thenComparing(Comparator.comparingInt(SimilarPetition::votes).reversed()))
				.limit(limit)
				.toList();
		}
		catch (ElasticsearchException ex) {
			if ("index_not_found_exception".equals(ex.error().type())) {
				return List.of(); // nothing indexed yet
			}
			throw new SearchUnavailableException("Similar-petition search failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new SearchUnavailableException("Search is unavailable right now", ex);
		}
	}

	private List<Hit<PetitionDocument>> candidates(String text, String title) throws IOException {
		SearchResponse<PetitionDocument> response = client.search(s -> s.index(index.alias())
			.size(properties.candidates())
			.query(q -> q.bool(b -> b.should(m -> m.match(t -> t.field(FIELD).query(text)))
				// the whole title too: its multi-word synonyms survive there
				.should(m -> m.match(t -> t.field("title").query(title)))
				.minimumShouldMatch("1")
				.mustNot(n -> n.term(t -> t.field("status").value(PetitionStatus.DUPLICATE.name()))))),
				PetitionDocument.class);
		return response.hits().hits();
	}

	/** Older documents have no similarity title of their own (until the next rebuild). */
	private String similarityTitle(PetitionDocument doc) {
		return doc.similarityTitle() != null ? doc.similarityTitle() : similarity.clean(doc.title());
	}

	/**
	 * The terms of each text as the analyzer makes them (with synonyms: every alternative), in one
	 * request; only the synonyms when {@code synonymsOnly}. Elasticsearch analyses the texts one after
	 * another and counts offsets on across them, each text starting one past the end of the one
	 * before; a term belongs to the text its start offset falls in.
	 */
	private List<Set<String>> analyzeEach(String analyzer, List<String> texts, boolean synonymsOnly) throws IOException {
		List<AnalyzeToken> tokens = client.indices()
			.analyze(a -> a.index(index.alias()).analyzer(analyzer).text(texts))
			.tokens();
		List<Set<String>> terms = new ArrayList<>();
		int[] starts = new int[texts.size()];
		for (int i = 0, start = 0; i < texts.size(); i++) {
			starts[i] = start;
			start += texts.get(i).length() + 1;
			terms.add(new HashSet<>());
		}
		for (AnalyzeToken token : tokens) {
			if (synonymsOnly && !SYNONYM.equals(token.type())) {
				continue;
			}
			int text = texts.size() - 1;
			while (text > 0 && starts[text] > token.startOffset()) {
				text--;
			}
			terms.get(text).add(token.token());
		}
		return terms;
	}

	/** English terms as they are, Chinese (and Japanese, Korean) pairs as their characters. */
	private static List<Set<String>> features(List<Set<String>> terms) {
		List<Set<String>> features = new ArrayList<>();
		for (Set<String> set : terms) {
			Set<String> out = new HashSet<>();
			for (String term : set) {
				if (TitleSimilarity.isCjk(term.codePointAt(0))) {
					term.codePoints().forEach(c -> out.add(Character.toString(c)));
				}
				else {
					out.add(term);
				}
			}
			features.add(out);
		}
		return features;
	}

	/** A title's terms, and the same with every synonym of them. */
	private record Terms(Set<String> own, Set<String> expanded) {

		double dice(Terms other) {
			if (own.isEmpty() || other.own.isEmpty()) {
				return 0;
			}
			long shared = own.stream().filter(t -> other.expanded.contains(t) || other.own.contains(t)).count()
					+ other.own.stream().filter(t -> expanded.contains(t) || own.contains(t)).count();
			return (double) shared / (own.size() + other.own.size());
		}
	}
}
