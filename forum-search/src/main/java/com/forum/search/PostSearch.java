package com.forum.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsZeroTerms;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import com.forum.board.BoardId;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;
import com.forum.search.internal.MemberDocument;
import com.forum.search.internal.PetitionDocument;
import com.forum.search.internal.PostDocument;
import com.forum.shared.InvalidInputException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * One search over threads, replies, petitions and members. Every word may match in any field of a
 * result (a thread titled "Screen flickers" whose body names PWM is found by "PWM flickers"), titles
 * weigh more than bodies, quoted phrases must match as written, and Latin words forgive a typo.
 * Votes, recency, solved threads and official responses lift a result gently. Facet counts (type,
 * board, petition status, tag, time) are each computed under the other facets' filters only, so a
 * member can switch between values. Deleted, hidden and unconfirmed content is stored without text
 * (see {@code PostIndex#removal}), so it matches nothing: no hit, no count, no suggestion.
 */
@Service
public class PostSearch {

	private static final Logger log = LoggerFactory.getLogger(PostSearch.class);

	/** Elasticsearch refuses to page past this many hits by default. */
	private static final int MAX_WINDOW = 10_000;

	private static final int SNIPPET_LENGTH = 180;

	/** Words and phrases of a query taken into account; a query is not a document. */
	private static final int MAX_TERMS = 16;

	private static final int MAX_SUGGESTIONS = 10;

	private static final int MAX_TAG_FACETS = 20;

	private static final String FACET_VALUES = "values";

	private static final String UNDER_ALL_FILTERS = "facets";

	private static final Group POSTS = new Group(EnumSet.of(SearchType.THREAD, SearchType.REPLY),
			List.of(new Field("title", 3), new Field("body", 1)));

	private static final Group PETITIONS = new Group(EnumSet.of(SearchType.PETITION),
			List.of(new Field("title", 3), new Field("description", 1), new Field("officialResponse", 1.5f)));

	private static final Group MEMBERS = new Group(EnumSet.of(SearchType.MEMBER),
			List.of(new Field("name", 3), new Field("bio", 1)));

	private static final List<Group> GROUPS = List.of(POSTS, PETITIONS, MEMBERS);

	/** Every field searched, once. */
	private static final List<String> HIGHLIGHTED = GROUPS.stream()
		.flatMap(g -> g.fields().stream())
		.map(Field::name)
		.distinct()
		.toList();

	/** The count of the matches that have a typo-prone word as written, by its place in the query. */
	private static final String ASIS = "as-written-";

	private final ElasticsearchClient client;

	private final SearchProperties properties;

	private final DiscussionQueries discussions;

	PostSearch(ElasticsearchClient client, SearchProperties properties, DiscussionQueries discussions) {
		this.client = client;
		this.properties = properties;
		this.discussions = discussions;
	}

	public SearchResults search(SearchQuery query) {
		String text = checkedText(query.text());
		if ((long) (query.page() + 1) * query.size() > MAX_WINDOW) {
			throw new InvalidInputException("page", "result-window",
					"must stay within the first " + MAX_WINDOW + " results", MAX_WINDOW);
		}
		SearchText parsed = SearchText.parse(text, MAX_TERMS);
		if (parsed.isEmpty()) {
			return SearchResults.none(query);
		}
		try {
			Map<String, Query> filters = filters(query);
			SearchResults results = found(parsed, query, filters);
			// asked only after a search that found few, not alongside every search: most searches find
			// plenty, and a second request for each doubled Elasticsearch's work under load, while a search
			// that finds few is quick, so the round trip in turn costs little; only the posts index has the
			// fields, and only there are typos corrected
			if (results.total() < properties.didYouMeanBelow() && !parsed.latinWords().isEmpty()) {
				return withCorrection(query, results, parsed, spelling(parsed), filters);
			}
			return results;
		}
		catch (ElasticsearchException ex) {
			throw new SearchUnavailableException("Search failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new SearchUnavailableException("Search is unavailable right now", ex);
		}
	}

	/**
	 * Titles of threads and petitions that begin with or contain what is being typed, the best match
	 * first, for completing a search as the member types. Only what a search would show is offered.
	 */
	public List<TitleSuggestion> suggest(String prefix, int limit) {
		String text = checkedText(prefix);
		if (limit < 1 || limit > MAX_SUGGESTIONS) {
			throw new InvalidInputException("limit", "range", "must be 1 to " + MAX_SUGGESTIONS, 1, MAX_SUGGESTIONS);
		}
		if (text.isEmpty() || text.codePoints().noneMatch(Character::isLetterOrDigit)) {
			return List.of();
		}
		try {
			SearchResponse<JsonData> response = client.search(s -> s.index(aliases())
				.ignoreUnavailable(true)
				.allowNoIndices(true)
				.size(limit * 2)
				.query(q -> q.bool(b -> b.filter(kinds(EnumSet.of(SearchType.THREAD, SearchType.PETITION)))
					.must(m -> m.multiMatch(mm -> mm.query(text)
						.type(TextQueryType.PhrasePrefix)
						.fields("title^2")
						.maxExpansions(50)))))
				.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
				.sort(o -> o.field(f -> f.field("votes").order(SortOrder.Desc).unmappedType(FieldType.Integer))),
					JsonData.class);
			Map<String, TitleSuggestion> unique = new LinkedHashMap<>();
			for (Hit<JsonData> hit : response.hits().hits()) {
				TitleSuggestion suggestion = suggestion(hit);
				if (suggestion != null && unique.size() < limit) {
					unique.putIfAbsent(suggestion.title(), suggestion);
				}
			}
			return List.copyOf(unique.values());
		}
		catch (ElasticsearchException ex) {
			throw new SearchUnavailableException("Suggestions failed: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new SearchUnavailableException("Search is unavailable right now", ex);
		}
	}

	private String checkedText(String given) {
		String text = given == null ? "" : given.strip();
		if (text.length() > properties.maxQueryLength()) {
			throw new InvalidInputException("q", "too-long",
					"must be at most " + properties.maxQueryLength() + " characters", properties.maxQueryLength());
		}
		return text;
	}

	private TitleSuggestion suggestion(Hit<JsonData> hit) {
		if (hit.source() == null || hit.index() == null) {
			return null;
		}
		if (hit.index().startsWith(properties.postsAlias() + "-")) {
			PostDocument doc = hit.source().to(PostDocument.class, client._jsonpMapper());
			return doc.title() == null ? null
					: new TitleSuggestion(SearchType.THREAD, new TopicId(doc.topicId()), null, doc.title());
		}
		PetitionDocument doc = hit.source().to(PetitionDocument.class, client._jsonpMapper());
		return new TitleSuggestion(SearchType.PETITION, null, new PetitionId(doc.petitionId()), doc.title());
	}

	private List<String> aliases() {
		return List.of(properties.postsAlias(), properties.indexPrefix() + "-petitions", properties.membersAlias());
	}

	/**
	 * The counts, then the page of hits: two requests that cost Elasticsearch less than one doing both.
	 * The hits request counts nothing, so Elasticsearch skips the blocks of matches that cannot reach
	 * the page (block-max WAND), and the counting request scores and highlights nothing. The counts
	 * also tell which words were found only as typos: only those are highlighted forgiving a typo,
	 * which took most of a search's time where a word is found as written.
	 */
	private SearchResults found(SearchText text, SearchQuery query, Map<String, Query> filters) throws IOException {
		List<String> typoProne = typoProne(text);
		SearchRequest counting = countsRequest(text, filters, typoProne);
		log.debug("{}", counting); // the request as JSON, for Elasticsearch's profile API when a search is slow
		SearchResponse<Void> counts = client.search(counting, Void.class);
		long total = counts.hits().total() == null ? 0 : counts.hits().total().value();
		if (total <= (long) query.page() * query.size()) {
			return results(query, List.of(), counts, counts.took());
		}
		Set<String> typos = new HashSet<>();
		for (int i = 0; i < typoProne.size(); i++) {
			if (counts.aggregations().get(ASIS + i).filter().docCount() == 0) {
				typos.add(typoProne.get(i));
			}
		}
		SearchRequest hits = hitsRequest(text, query, filters, typos);
		log.debug("{}", hits);
		SearchResponse<JsonData> page = client.search(hits, JsonData.class);
		return results(query, page.hits().hits(), counts, counts.took() + page.took());
	}

	/** The Latin parts of the query's words that a typo may hide in (see {@link #TYPO}). */
	private static List<String> typoProne(SearchText text) {
		return text.words()
			.stream()
			.flatMap(word -> SearchText.highlightParts(word).stream())
			.filter(part -> !SearchText.hasCjk(part) && part.codePointCount(0, part.length()) >= TYPO_FROM)
			.distinct()
			.toList();
	}

	private SearchRequest hitsRequest(SearchText text, SearchQuery query, Map<String, Query> filters,
			Set<String> typos) {
		return SearchRequest.of(s -> {
			s.index(aliases())
				.ignoreUnavailable(true)
				.allowNoIndices(true)
				.query(q -> q.bool(b -> b.must(matches(text)).filter(List.copyOf(filters.values())).should(LIFTS)))
				.from(query.page() * query.size())
				.size(query.size())
				.trackTotalHits(t -> t.enabled(false))
				.highlight(h -> h.encoder(HighlighterEncoder.Html)
					.preTags("<mark>")
					.postTags("</mark>")
					.highlightQuery(highlighted(text, typos))
					.fields(highlightFields()));
			switch (query.sort()) {
				case NEWEST -> s.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
				case VOTES -> s
					.sort(o -> o.field(f -> f.field("votes").order(SortOrder.Desc).unmappedType(FieldType.Integer)))
					.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
				case RELEVANCE -> s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)))
					.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
			}
			return s;
		});
	}

	/**
	 * How many match under the member's filters, and the facets' counts; the matching is the same as
	 * the hits', without scores.
	 */
	private SearchRequest countsRequest(SearchText text, Map<String, Query> filters, List<String> typoProne) {
		Map<String, Aggregation> aggregations = facets(filters);
		for (int i = 0; i < typoProne.size(); i++) {
			String part = typoProne.get(i);
			aggregations.put(ASIS + i, Aggregation.of(a -> a.filter(f -> f.bool(b -> {
				HIGHLIGHTED.forEach(field -> b.should(m -> m.match(t -> t.field(field).query(part))));
				return b;
			}))));
		}
		return SearchRequest.of(s -> {
			s.index(aliases())
				.ignoreUnavailable(true)
				.allowNoIndices(true)
				.size(0)
				.query(q -> q.bool(b -> b.filter(matches(text))))
				.trackTotalHits(t -> t.enabled(true))
				.aggregations(aggregations);
			if (!filters.isEmpty()) {
				s.postFilter(all(filters.values()));
			}
			return s;
		});
	}

	/** Any kind of result may match, in its own fields: one clause per index, each limited to its kinds. */
	private static Query matches(SearchText text) {
		return Query.of(q -> q.bool(b -> {
			for (Group group : GROUPS) {
				b.should(s -> s.bool(g -> {
					g.filter(kinds(group.types()));
					if (!text.words().isEmpty()) {
						g.must(words(text.words(), group.fields()));
					}
					text.phrases().forEach(phrase -> g.must(phrase(phrase, group.fields())));
					return g;
				}));
			}
			return b.minimumShouldMatch("1");
		}));
	}

	/**
	 * How many of a query's words one field may lack when they are matched together: none of two, half
	 * of more. A question typed as a sentence ("Mi Home vacuum not found") still finds the thread that
	 * says it in other words, and ranks below one that has every word.
	 */
	private static final String TOGETHER_MAY_MISS = "2<-50%";

	/**
	 * Edits a Latin word may differ by: none under five letters, one up to eight, two from nine. The
	 * usual two from six made "battery" find every post saying "better" (a third more hits at 100,000
	 * posts, each scored and counted) and cost most of a search's time in highlighting; a word that
	 * finds nothing this way is corrected by the spelling suggestions instead (see {@link #search}).
	 */
	private static final String TYPO = "AUTO:5,9";

	/** The length from which {@link #TYPO} forgives an edit. */
	private static final int TYPO_FROM = 5;

	/** Of a Chinese word's pairs: all of one, half of more (see {@link #word}). */
	private static final String CJK_PAIRS_MAY_MISS = "1<-50%";

	/**
	 * Every word in some field, or most of the words together in one field: the latter is what lets a
	 * synonym of several words ("always on display" for 息屏显示) find its alternative, which the words
	 * one by one cannot, and a long question find a post that lacks a word or two of it.
	 */
	private static Query words(List<String> words, List<Field> fields) {
		return Query.of(q -> q.bool(b -> {
			b.should(s -> s.bool(each -> {
				words.forEach(word -> each.must(word(word, fields)));
				return each;
			}));
			if (words.size() > 1) {
				String together = String.join(" ", words);
				fields.forEach(f -> b.should(s -> s.match(m -> m.field(f.name())
					.query(together)
					.minimumShouldMatch(TOGETHER_MAY_MISS)
					.boost(f.boost()))));
			}
			return b.minimumShouldMatch("1");
		}));
	}

	/**
	 * A word matches in any one field. A Latin word may carry a typo. A word with Chinese characters,
	 * which the analysis splits into overlapping pairs, may lack half its pairs in the result (one of
	 * two), in any of its fields, and scores higher where they stand together: a short query is
	 * often a noun and a one-character verdict that posts phrase otherwise (充电慢 for "充电变慢",
	 * 夜景糊 for "夜景模式拍出来是糊的", 台灯闪 for "台灯……一闪一闪"), whose pair across the two
	 * (电慢, 景糊, 灯闪) no post has. A word of one pair must still have it.
	 */
	private static Query word(String word, List<Field> fields) {
		if (!SearchText.hasCjk(word)) {
			return Query.of(q -> q.bool(b -> {
				fields.forEach(f -> b.should(s -> s.match(m -> m.field(f.name())
					.query(word)
					.operator(Operator.And)
					.fuzziness(TYPO)
					.prefixLength(1)
					.zeroTermsQuery(ZeroTermsQuery.All)
					.boost(f.boost()))));
				return b.minimumShouldMatch("1");
			}));
		}
		return Query.of(q -> q.bool(b -> {
			b.must(m -> m.combinedFields(c -> c.query(word)
				.fields(fields.stream().map(Field::weighted).toList())
				.minimumShouldMatch(CJK_PAIRS_MAY_MISS)
				.zeroTermsQuery(CombinedFieldsZeroTerms.All)));
			fields.forEach(f -> b.should(s -> s.matchPhrase(m -> m.field(f.name()).query(word).boost(f.boost()))));
			return b;
		}));
	}

	private static Query phrase(String phrase, List<Field> fields) {
		return Query.of(q -> q.bool(b -> {
			fields.forEach(f -> b.should(s -> s.matchPhrase(m -> m.field(f.name())
				.query(phrase)
				.zeroTermsQuery(ZeroTermsQuery.All)
				.boost(f.boost()))));
			return b.minimumShouldMatch("1");
		}));
	}

	/** The age at which a result's lift for being recent has halved. */
	private static final String RECENT_PIVOT = "90d";

	/**
	 * Each lift is worth about what a common word found in a body scores (BM25 gives it 1 to 2), under
	 * what one found in a title scores (three times that): they order results of similar relevance and
	 * do not lift a poor match above a good one.
	 */
	private static final float RECENT_LIFT = 1.0f;

	private static final float ANSWERED_LIFT = 1.0f;

	private static final float VOTES_LIFT = 1.0f;

	/**
	 * Gentle lifts added to the text score: for a recent result (most for this week's, half for one
	 * three months old), for a solved thread or a petition with an official response, and by steps for
	 * votes. Added, not multiplied: a multiplying function hides from Elasticsearch the best score a
	 * block of matches can reach, so it had to score every match of a common word, while with clauses
	 * it adds it skips the blocks that cannot reach the page.
	 */
	private static final List<Query> LIFTS = List.of(
			Query.of(q -> q.distanceFeature(d -> d.date(t -> t.field("createdAt")
				.origin("now")
				.pivot(Time.of(p -> p.time(RECENT_PIVOT)))
				.boost(RECENT_LIFT)))),
			constant(Query.of(q -> q.term(t -> t.field("solved").value(true))), ANSWERED_LIFT),
			constant(Query.of(q -> q.exists(e -> e.field("officialResponse"))), ANSWERED_LIFT),
			constant(Query.of(q -> q.range(r -> r.number(n -> n.field("votes").gte(10.0)))), VOTES_LIFT),
			constant(Query.of(q -> q.range(r -> r.number(n -> n.field("votes").gte(100.0)))), VOTES_LIFT));

	private static Query constant(Query filter, float lift) {
		return Query.of(q -> q.constantScore(c -> c.filter(filter).boost(lift)));
	}

	/**
	 * Highlights whole words: Chinese by pairs of characters standing together, Latin words as
	 * written, or forgiving a typo where the word was found only that way.
	 */
	private static Query highlighted(SearchText text, Set<String> typos) {
		return Query.of(q -> q.bool(b -> {
			for (String field : HIGHLIGHTED) {
				for (String word : text.words()) {
					for (String part : SearchText.highlightParts(word)) {
						if (SearchText.hasCjk(part)) {
							b.should(s -> s.matchPhrase(m -> m.field(field).query(part)));
						}
						else if (typos.contains(part)) {
							b.should(s -> s.match(m -> m.field(field).query(part).fuzziness(TYPO).prefixLength(1)));
						}
						else {
							b.should(s -> s.match(m -> m.field(field).query(part)));
						}
					}
				}
				text.phrases().forEach(p -> b.should(s -> s.matchPhrase(m -> m.field(field).query(p))));
			}
			return b;
		}));
	}

	private static List<NamedValue<HighlightField>> highlightFields() {
		List<NamedValue<HighlightField>> fields = new ArrayList<>();
		for (String whole : List.of("title", "name")) {
			fields.add(NamedValue.of(whole, HighlightField.of(f -> f.numberOfFragments(0))));
		}
		for (String body : List.of("body", "description", "officialResponse", "bio")) {
			fields.add(NamedValue.of(body,
					HighlightField.of(f -> f.fragmentSize(SNIPPET_LENGTH).numberOfFragments(1))));
		}
		return fields;
	}

	/** The member's filters by facet name; each facet's counts are taken under all the others. */
	private static Map<String, Query> filters(SearchQuery query) {
		Map<String, Query> filters = new LinkedHashMap<>();
		if (!query.types().isEmpty()) {
			filters.put("types", kinds(query.types()));
		}
		if (query.board() != null) {
			filters.put("boards", Query.of(q -> q.term(t -> t.field("boardId").value(query.board().value()))));
		}
		if (!query.statuses().isEmpty()) {
			filters.put("statuses", Query.of(q -> q.terms(t -> t.field("status")
				.terms(v -> v.value(query.statuses().stream().map(s -> FieldValue.of(s.name())).toList())))));
		}
		if (!query.tags().isEmpty()) {
			filters.put("tags", Query.of(q -> q.terms(t -> t.field("tags")
				.terms(v -> v.value(query.tags().stream().map(FieldValue::of).toList())))));
		}
		if (query.time() != null) {
			filters.put("times", since(query.time()));
		}
		return filters;
	}

	/**
	 * The facets' aggregations. A facet whose own filter is not set counts under all the filters, and
	 * those facets share one filter aggregation (none when no filter is set); a facet whose filter is
	 * set counts under the others only, in one of its own. They are kept few because Elasticsearch runs
	 * the whole query once more for each filter aggregation (its filter-by-filter execution): wrapping
	 * every facet in one made a search run its query six times.
	 */
	private static Map<String, Aggregation> facets(Map<String, Query> filters) {
		Map<String, Aggregation> facets = new LinkedHashMap<>();
		Map<String, Aggregation> shared = new LinkedHashMap<>();
		facetValues().forEach((name, values) -> {
			if (filters.containsKey(name)) {
				facets.put(name, underTheOthers(filters, name, values));
			}
			else {
				shared.put(name, values);
			}
		});
		if (filters.isEmpty()) {
			facets.putAll(shared);
		}
		else if (!shared.isEmpty()) {
			facets.put(UNDER_ALL_FILTERS, Aggregation.of(a -> a.filter(all(filters.values())).aggregations(shared)));
		}
		return facets;
	}

	private static Map<String, Aggregation> facetValues() {
		Map<String, Aggregation> values = new LinkedHashMap<>();
		values.put("types", Aggregation.of(a -> a.terms(t -> t.field("kind").size(10))));
		values.put("boards", Aggregation.of(a -> a.terms(t -> t.field("boardId").size(100))));
		values.put("statuses", Aggregation.of(a -> a.terms(t -> t.field("status").size(10))));
		values.put("tags", Aggregation.of(a -> a.terms(t -> t.field("tags").size(MAX_TAG_FACETS))));
		// one pass over the matches' dates, where a filters aggregation of ranges ran the query once per range
		values.put("times", Aggregation.of(a -> a.dateRange(d -> {
			d.field("createdAt").keyed(true);
			for (TimeRange range : TimeRange.values()) {
				d.ranges(r -> r.key(range.key()).from(f -> f.expr(range.since())));
			}
			return d;
		})));
		return values;
	}

	private static Aggregation underTheOthers(Map<String, Query> filters, String name, Aggregation values) {
		List<Query> others = filters.entrySet().stream().filter(e -> !e.getKey().equals(name)).map(Map.Entry::getValue).toList();
		return others.isEmpty() ? values : Aggregation.of(a -> a.filter(all(others)).aggregations(FACET_VALUES, values));
	}

	private static Query all(java.util.Collection<Query> filters) {
		return Query.of(q -> q.bool(b -> b.filter(List.copyOf(filters))));
	}

	private static Query kinds(Set<SearchType> types) {
		return Query.of(q -> q.terms(t -> t.field("kind")
			.terms(v -> v.value(types.stream().map(type -> FieldValue.of(type.kind())).toList()))));
	}

	private static Query since(TimeRange range) {
		return Query.of(q -> q.range(r -> r.date(d -> d.field("createdAt").gte(range.since()))));
	}

	private SearchResults results(SearchQuery query, List<Hit<JsonData>> hits, SearchResponse<Void> counts, long took) {
		List<Found> found = new ArrayList<>();
		for (Hit<JsonData> hit : hits) {
			if (hit.source() != null && hit.index() != null) {
				found.add(new Found(hit, hit.index().startsWith(properties.postsAlias() + "-")
						? hit.source().to(PostDocument.class, client._jsonpMapper()) : null));
			}
		}
		Map<TopicId, String> titles = discussions.titles(found.stream()
			.map(Found::post)
			.filter(Objects::nonNull)
			.map(d -> new TopicId(d.topicId()))
			.distinct()
			.toList());
		List<SearchHit> results = new ArrayList<>();
		for (Found hit : found) {
			SearchHit result = hit.post() != null ? post(hit.hit(), hit.post(), titles) : other(hit.hit());
			if (result != null) {
				results.add(result);
			}
		}
		long total = counts.hits().total() == null ? results.size() : counts.hits().total().value();
		Map<String, Aggregate> aggregations = counts.aggregations();
		List<BoardFacet> boards = aggregations.isEmpty() ? List.of()
				: values(aggregations, "boards").lterms().buckets().array().stream()
					.map(b -> new BoardFacet(new BoardId(b.key()), b.docCount()))
					.toList();
		return new SearchResults(results, total, query.page(), query.size(), boards, took,
				typeCounts(aggregations), stringCounts(aggregations, "statuses"), stringCounts(aggregations, "tags"),
				timeCounts(aggregations), null, false);
	}

	private SearchHit post(Hit<JsonData> hit, PostDocument doc, Map<TopicId, String> titles) {
		String title = titles.get(new TopicId(doc.topicId()));
		if (title == null || doc.body() == null) {
			return null; // the thread was deleted and the index has not caught up yet
		}
		boolean reply = doc.replyId() != null;
		return new SearchHit(reply ? SearchType.REPLY : SearchType.THREAD, new TopicId(doc.topicId()),
				reply ? new ReplyId(doc.replyId()) : null, new BoardId(doc.boardId()), title,
				reply ? Html.escape(title) : marked(hit, title, "title"), marked(hit, excerpt(doc.body()), "body"),
				new MemberId(doc.authorId()), doc.authorName(), doc.createdAt(), null, null, doc.votes(), List.of());
	}

	private SearchHit other(Hit<JsonData> hit) {
		if (hit.index().startsWith(properties.membersAlias() + "-")) {
			MemberDocument doc = hit.source().to(MemberDocument.class, client._jsonpMapper());
			if (doc.name() == null) {
				return null;
			}
			return new SearchHit(SearchType.MEMBER, null, null, null, doc.name(), marked(hit, doc.name(), "name"),
					marked(hit, excerpt(doc.bio()), "bio"), new MemberId(doc.memberId()), doc.name(), doc.createdAt(),
					null, null, 0, List.of());
		}
		PetitionDocument doc = hit.source().to(PetitionDocument.class, client._jsonpMapper());
		String snippet = hit.highlight().containsKey("description") || !hit.highlight().containsKey("officialResponse")
				? marked(hit, excerpt(doc.description()), "description") : marked(hit, "", "officialResponse");
		return new SearchHit(SearchType.PETITION, null, null, new BoardId(doc.boardId()), doc.title(),
				marked(hit, doc.title(), "title"), snippet, null, null, doc.createdAt(),
				new PetitionId(doc.petitionId()), PetitionStatus.valueOf(doc.status()), doc.votes(),
				doc.tags() == null ? List.of() : doc.tags());
	}

	/**
	 * The highlighted field, or the plain text escaped. Marks standing side by side are joined, so a
	 * Chinese word found as several characters or pairs is marked as one word.
	 */
	private static String marked(Hit<JsonData> hit, String plain, String field) {
		List<String> marks = hit.highlight().getOrDefault(field, List.of());
		if (marks.isEmpty()) {
			return Html.escape(plain);
		}
		return marks.get(0).replace("</mark><mark>", "");
	}

	/** A facet's values, wherever {@link #facets} put them. */
	private static Aggregate values(Map<String, Aggregate> aggregations, String facet) {
		Aggregate own = aggregations.get(facet);
		if (own == null) {
			return aggregations.get(UNDER_ALL_FILTERS).filter().aggregations().get(facet);
		}
		return own.isFilter() ? own.filter().aggregations().get(FACET_VALUES) : own;
	}

	private static List<FacetCount> typeCounts(Map<String, Aggregate> aggregations) {
		if (aggregations.isEmpty()) {
			return List.of();
		}
		List<FacetCount> counts = new ArrayList<>();
		values(aggregations, "types").sterms().buckets().array().forEach(b -> SearchType.ofKind(b.key().stringValue())
			.ifPresent(type -> counts.add(new FacetCount(type.key(), b.docCount()))));
		return counts;
	}

	private static List<FacetCount> stringCounts(Map<String, Aggregate> aggregations, String facet) {
		if (aggregations.isEmpty()) {
			return List.of();
		}
		return values(aggregations, facet).sterms().buckets().array().stream()
			.map(b -> new FacetCount(b.key().stringValue(), b.docCount()))
			.toList();
	}

	private static List<FacetCount> timeCounts(Map<String, Aggregate> aggregations) {
		if (aggregations.isEmpty()) {
			return List.of();
		}
		Map<String, RangeBucket> buckets = values(aggregations, "times").dateRange().buckets().keyed();
		List<FacetCount> counts = new ArrayList<>();
		for (TimeRange range : TimeRange.values()) {
			var bucket = buckets.get(range.key());
			if (bucket != null && bucket.docCount() > 0) {
				counts.add(new FacetCount(range.key(), bucket.docCount()));
			}
		}
		return counts;
	}

	/**
	 * Offers the query with each misspelt Latin word replaced by the closest word the index knows,
	 * and only if that query finds more under the same filters: the index's dictionary also holds
	 * words of removed posts until Elasticsearch merges them away, and those must not be suggested.
	 */
	private SearchResponse<Void> spelling(SearchText text) throws IOException {
		String latin = String.join(" ", text.latinWords());
		return client.search(s -> s.index(properties.postsAlias())
			.ignoreUnavailable(true)
			.allowNoIndices(true)
			.size(0)
			.suggest(g -> g.text(latin)
				// on the words as written (no stems, no synonyms): a suggestion is a word to type
				.suggesters("title", f -> f.term(t -> t.field("title.spelling").suggestMode(SuggestMode.Popular).size(1)))
				.suggesters("body", f -> f.term(t -> t.field("body.spelling").suggestMode(SuggestMode.Popular).size(1)))),
				Void.class);
	}

	private SearchResults withCorrection(SearchQuery query, SearchResults results, SearchText text,
			SearchResponse<Void> response, Map<String, Query> filters) throws IOException {
		Map<String, TermSuggestOption> best = new LinkedHashMap<>();
		for (List<Suggestion<Void>> suggestions : response.suggest().values()) {
			for (Suggestion<Void> suggestion : suggestions) {
				String original = suggestion.term().text();
				for (TermSuggestOption option : suggestion.term().options()) {
					best.merge(original, option, (a, b) -> a.freq() >= b.freq() ? a : b);
				}
			}
		}
		if (best.isEmpty()) {
			return results;
		}
		List<String> words = new ArrayList<>();
		for (String word : text.words()) {
			TermSuggestOption option = best.get(word.toLowerCase(java.util.Locale.ROOT));
			words.add(option == null ? word : option.text());
		}
		StringBuilder corrected = new StringBuilder(String.join(" ", words));
		text.phrases().forEach(p -> corrected.append(" \"").append(p).append('"'));
		String suggestion = corrected.toString();
		if (words.equals(text.words())) {
			return results;
		}
		SearchText correctedText = SearchText.parse(suggestion, MAX_TERMS);
		if (results.total() == 0) {
			// nothing to show as typed: show what the correction finds, saying so, as a member expects
			SearchResults instead = found(correctedText, query, filters);
			return instead.total() == 0 ? results : instead.correctedTo(suggestion);
		}
		long more = client.count(c -> {
			c.index(aliases()).ignoreUnavailable(true).allowNoIndices(true);
			return filters.isEmpty() ? c.query(matches(correctedText))
					: c.query(q -> q.bool(b -> b.must(matches(correctedText)).filter(List.copyOf(filters.values()))));
		}).count();
		return more <= results.total() ? results : results.offering(suggestion);
	}

	private static String excerpt(String body) {
		if (body == null) {
			return "";
		}
		return body.length() <= SNIPPET_LENGTH ? body : body.substring(0, SNIPPET_LENGTH) + "…";
	}

	private record Found(Hit<JsonData> hit, PostDocument post) {
	}

	private record Group(Set<SearchType> types, List<Field> fields) {
	}

	private record Field(String name, float boost) {

		String weighted() {
			return boost == 1 ? name : name + "^" + boost;
		}
	}
}
