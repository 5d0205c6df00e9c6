package com.forum.web.api;

import java.util.List;

import com.forum.board.BoardId;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.search.PostSearch;
import com.forum.search.SearchHit;
import com.forum.search.SearchQuery;
import com.forum.search.SearchResults;
import com.forum.search.SearchType;
import com.forum.search.TitleSuggestion;
import com.forum.web.api.ApiDtos.SearchResponse;
import com.forum.web.api.ApiDtos.SearchSuggestionResponse;
import com.forum.web.api.ApiDtos.SearchSuggestionsResponse;
import com.forum.web.security.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search")
class SearchApi {

	private final PostSearch search;

	private final ApiMapper mapper;

	private final Reputation reputation;

	private final RateLimits limits;

	SearchApi(PostSearch search, ApiMapper mapper, Reputation reputation, RateLimits limits) {
		this.search = search;
		this.mapper = mapper;
		this.reputation = reputation;
		this.limits = limits;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "One search over threads, replies, petitions and members",
			description = "Every word may match in any field (title or body); titles weigh more. Quoted text "
					+ "(\"low brightness\") must match as a phrase; Latin words forgive a typo. Matches come back "
					+ "highlighted as escaped HTML with <mark>. Facet counts (types, boards, statuses, tags, "
					+ "times) are each counted under the other filters only, so a client can offer switching. "
					+ "didYouMean carries a corrected query when this one found few results and the correction "
					+ "finds more; when this one found nothing, the items and counts are those of the correction "
					+ "and corrected is true.")
	SearchResponse search(@RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Positive Long boardId,
			@Parameter(description = "relevance, newest or votes (most voted first)")
			@RequestParam(defaultValue = "relevance") String sort,
			@Parameter(description = "thread, reply, petition or member, repeated or comma-separated; all when absent")
			@RequestParam(required = false) List<String> type,
			@Parameter(description = "petition statuses (submitted, under_review, planned, in_progress, shipped, "
					+ "declined, duplicate, or open), repeated or comma-separated")
			@RequestParam(required = false) List<String> status,
			@Parameter(description = "petition tags, repeated or comma-separated")
			@RequestParam(required = false) List<String> tag,
			@Parameter(description = "day, week, month or year: only results created since then")
			@RequestParam(required = false) String time,
			@RequestParam(defaultValue = "1") @Min(1) @Max(500) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		SearchResults results = search.search(new SearchQuery(q, boardId == null ? null : new BoardId(boardId),
				ApiParameters.searchSort(sort), page - 1, size, ApiParameters.searchTypes(type),
				ApiParameters.petitionStatuses(status), ApiParameters.tags(tag), ApiParameters.timeRange(time)));
		Standings authors = reputation.standings(
				results.hits().stream().map(SearchHit::authorId).filter(java.util.Objects::nonNull).toList());
		return new SearchResponse(results.hits().stream().map(hit -> mapper.searchHit(hit, authors)).toList(),
				results.page() + 1, results.size(), results.total(), results.totalPages(),
				results.boards().stream().map(mapper::facet).toList(), results.tookMillis(),
				results.types().stream().map(mapper::facetCount).toList(),
				results.statuses().stream().map(mapper::facetCount).toList(),
				results.tags().stream().map(mapper::facetCount).toList(),
				results.times().stream().map(mapper::facetCount).toList(), results.didYouMean(),
				results.corrected());
	}

	@GetMapping("/api/v1/search/suggest")
	@Operation(summary = "Titles of threads and petitions completing what is being typed (rate-limited per address)",
			description = "Titles that begin with or contain the text typed so far, in English or Chinese "
					+ "(息屏 completes titles containing it), the best match first.")
	SearchSuggestionsResponse suggest(@RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "8") @Min(1) @Max(10) int limit, HttpServletRequest request) {
		limits.searchSuggestion(request);
		return new SearchSuggestionsResponse(search.suggest(q, limit).stream().map(SearchApi::suggestion).toList());
	}

	private static SearchSuggestionResponse suggestion(TitleSuggestion suggestion) {
		return suggestion.type() == SearchType.THREAD
				? new SearchSuggestionResponse("thread", suggestion.topicId().value(), suggestion.title(),
						"/threads/" + suggestion.topicId().value())
				: new SearchSuggestionResponse("petition", suggestion.petitionId().value(), suggestion.title(),
						"/petitions/" + suggestion.petitionId().value());
	}
}
