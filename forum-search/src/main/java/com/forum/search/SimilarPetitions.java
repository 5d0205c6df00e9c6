package com.forum.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
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
 * can back an open one or see that it was declined or has shipped. Elasticsearch proposes
 * candidates by words and character pairs of the title; {@link TitleSimilarity} decides, so filler
 * words ("please add", "希望增加") neither find nor rank anything. Merged duplicates are left out:
 * their original is the one to show.
 */
@Service
public class SimilarPetitions {

	/** How many candidates Elasticsearch proposes for re-scoring. */
	private static final int CANDIDATES = 20;

	private static final int MAX_LIMIT = 20;

	private final ElasticsearchClient client;

	private final PetitionIndex index;

	private final TitleSimilarity similarity;

	SimilarPetitions(ElasticsearchClient client, PetitionIndex index, TitleSimilarity similarity) {
		this.client = client;
		this.index = index;
		this.similarity = similarity;
	}

	/** The most similar first; empty when the title says nothing beyond filler words. */
	public List<SimilarPetition> find(String title, int limit) {
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
		List<SimilarPetition> found = new ArrayList<>();
		for (Hit<PetitionDocument> hit : candidates(text)) {
			PetitionDocument doc = hit.source();
			if (doc == null) {
				continue;
			}
			double score = similarity.score(title, doc.title());
			if (score >= similarity.threshold()) {
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

	private List<Hit<PetitionDocument>> candidates(String text) {
		try {
			SearchResponse<PetitionDocument> response = client.search(s -> s.index(index.alias())
				.size(CANDIDATES)
				.query(q -> q.bool(b -> b.must(m -> m.match(t -> t.field("title").query(text)))
					.mustNot(n -> n.term(t -> t.field("status").value(PetitionStatus.DUPLICATE.name()))))),
					PetitionDocument.class);
			return response.hits().hits();
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
}
