package com.forum.web.api;

import com.forum.board.BoardId;
import com.forum.reputation.Reputation;
import com.forum.reputation.Standings;
import com.forum.search.PostSearch;
import com.forum.search.SearchHit;
import com.forum.search.SearchQuery;
import com.forum.search.SearchResults;
import com.forum.web.api.ApiDtos.SearchResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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

	SearchApi(PostSearch search, ApiMapper mapper, Reputation reputation) {
		this.search = search;
		this.mapper = mapper;
		this.reputation = reputation;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Full-text search over threads and replies, with highlighted matches and board counts")
	SearchResponse search(@RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Positive Long boardId,
			@Parameter(description = "relevance or newest") @RequestParam(defaultValue = "relevance") String sort,
			@RequestParam(defaultValue = "1") @Min(1) @Max(500) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		SearchResults results = search.search(new SearchQuery(q, boardId == null ? null : new BoardId(boardId),
				ApiParameters.searchSort(sort), page - 1, size));
		Standings authors = reputation.standings(results.hits().stream().map(SearchHit::authorId).toList());
		return new SearchResponse(results.hits().stream().map(hit -> mapper.searchHit(hit, authors)).toList(),
				results.page() + 1,
				results.size(), results.total(), results.totalPages(),
				results.boards().stream().map(mapper::facet).toList(), results.tookMillis());
	}
}
