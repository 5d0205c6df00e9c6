package com.forum.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.LongTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import com.forum.board.BoardId;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.search.internal.PostDocument;
import com.forum.shared.InvalidInputException;

import org.springframework.stereotype.Service;

/**
 * Full-text search over threads and replies: titles weigh more than bodies, matches come back
 * highlighted, and board counts are computed before the board filter so members can switch boards.
 */
@Service
public class PostSearch {

	private static final String MINIMUM_SHOULD_MATCH = "2<-50%";

	/** Elasticsearch refuses to page past this many hits by default. */
	private static final int MAX_WINDOW = 10_000;

	private static final int SNIPPET_LENGTH = 180;

	private final ElasticsearchClient client;

	private final SearchProperties properties;

	private final DiscussionQueries discussions;

	PostSearch(ElasticsearchClient client, SearchProperties properties, DiscussionQueries discussions) {
		this.client = client;
		this.properties = properties;
		this.discussions = discussions;
	}

	public SearchResults search(SearchQuery query) {
		String text = query.text() == null ? "" : query.text().strip();
		if (text.length() > properties.maxQueryLength()) {
			throw new InvalidInputException("q", "too-long",
					"must be at most " + properties.maxQueryLength() + " characters", properties.maxQueryLength());
		}
		if (text.isEmpty()) {
			return new SearchResults(List.of(), 0, query.page(), query.size(), List.of(), 0);
		}
		if ((long) (query.page() + 1) * query.size() > MAX_WINDOW) {
			throw new InvalidInputException("page", "result-window",
					"must stay within the first " + MAX_WINDOW + " results", MAX_WINDOW);
		}
		try {
			SearchResponse<PostDocument> response = client.search(request(text, query), PostDocument.class);
			return results(query, response);
		}
		catch (ElasticsearchException ex) {
			if ("index_not_found_exception".equals(ex.error().type())) {
				return new SearchResults(List.of(), 0, query.page(), query.size(), List.of(), 0);
			}
			throw new SearchUnavailableException("Search failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new SearchUnavailableException("Search is unavailable right now", ex);
		}
	}

	private SearchRequest request(String text, SearchQuery query) {
		Query matches = Query.of(q -> q.multiMatch(m -> m.query(text)
			.fields("title^3", "body")
			.type(TextQueryType.BestFields)
			// Chinese is indexed as overlapping character pairs, and a query's pairs include ones that
			// straddle two of its words (屏幕发黄: 屏幕 幕发 发黄), which a text that has both words in
			// other places lacks: up to two terms all must match, beyond that half. Measured on 30
			// Chinese queries (SegmenterComparisonTest in the analysis plugin): two thirds found 24
			// of the texts sought, half all 30, with no other text matched
			.minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
		return SearchRequest.of(s -> {
			s.index(properties.postsAlias())
				.query(matches)
				.from(query.page() * query.size())
				.size(query.size())
				.trackTotalHits(t -> t.enabled(true))
				.aggregations("boards", a -> a.terms(t -> t.field("boardId").size(100)))
				.highlight(h -> h.encoder(HighlighterEncoder.Html)
					.preTags("<mark>")
					.postTags("</mark>")
					.fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
							NamedValue.of("body",
									HighlightField.of(f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1)))));
			if (query.board() != null) {
				s.postFilter(f -> f.term(t -> t.field("boardId").value(query.board().value())));
			}
			if (query.sort() == SearchSort.NEWEST) {
				s.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
			}
			else {
				s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
					.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
			}
			return s;
		});
	}

	private SearchResults results(SearchQuery query, SearchResponse<PostDocument> response) {
		List<Hit<PostDocument>> hits = response.hits().hits();
		Map<TopicId, String> titles = discussions.titles(hits.stream()
			.map(Hit::source)
			.filter(Objects::nonNull)
			.map(d -> new TopicId(d.topicId()))
			.distinct()
			.toList());
		List<SearchHit> found = new ArrayList<>();
		for (Hit<PostDocument> hit : hits) {
			PostDocument doc = hit.source();
			String title = doc == null ? null : titles.get(new TopicId(doc.topicId()));
			if (title == null) {
				continue; // the thread was deleted and the index has not caught up yet
			}
			List<String> titleMarks = hit.highlight().getOrDefault("title", List.of());
			List<String> bodyMarks = hit.highlight().getOrDefault("body", List.of());
			found.add(new SearchHit(new TopicId(doc.topicId()), doc.replyId() == null ? null : new ReplyId(doc.replyId()),
					new BoardId(doc.boardId()), title,
					titleMarks.isEmpty() || doc.replyId() != null ? Html.escape(title) : titleMarks.get(0),
					bodyMarks.isEmpty() ? Html.escape(excerpt(doc.body())) : bodyMarks.get(0), new MemberId(doc.authorId()),
					doc.authorName(), doc.createdAt()));
		}
		List<BoardFacet> boards = response.aggregations().get("boards").lterms().buckets().array().stream()
			.map((LongTermsBucket b) -> new BoardFacet(new BoardId(b.key()), b.docCount()))
			.toList();
		long total = response.hits().total() == null ? found.size() : response.hits().total().value();
		return new SearchResults(found, total, query.page(), query.size(), boards, response.took());
	}

	private static String excerpt(String body) {
		if (body == null) {
			return "";
		}
		return body.length() <= SNIPPET_LENGTH ? body : body.substring(0, SNIPPET_LENGTH) + "…";
	}
}
