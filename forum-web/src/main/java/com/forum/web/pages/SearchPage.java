package com.forum.web.pages;

import java.util.Locale;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.reputation.Reputation;
import com.forum.search.PostSearch;
import com.forum.search.SearchHit;
import com.forum.search.SearchQuery;
import com.forum.search.SearchResults;
import com.forum.search.SearchSort;
import com.forum.search.SearchUnavailableException;
import com.forum.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Full-text search with board facets; without a query it shows just the search box. */
@Controller
class SearchPage {

	private static final int PAGE_SIZE = 10;

	/** Elasticsearch pages no deeper than this many hits. */
	private static final int MAX_HITS = 10_000;

	private final PostSearch search;

	private final BoardCatalog boards;

	private final Reputation reputation;

	SearchPage(PostSearch search, BoardCatalog boards, Reputation reputation) {
		this.search = search;
		this.boards = boards;
		this.reputation = reputation;
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String board,
			@RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "1") int page,
			Model model) {
		String text = q.strip();
		BoardSummary scope = boards.find(board).orElse(null);
		SearchSort order = "newest".equalsIgnoreCase(sort) ? SearchSort.NEWEST : SearchSort.RELEVANCE;
		SearchLinks links = new SearchLinks(text, scope, order);
		model.addAttribute("searchPage", true);
		model.addAttribute("q", text);
		model.addAttribute("scope", scope);
		model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
		model.addAttribute("links", links);
		model.addAttribute("boardsById", boards.byId());
		if (!text.isEmpty()) {
			run(new SearchQuery(text, scope == null ? null : scope.id(), order, Pages.index(page), PAGE_SIZE), links,
					model);
		}
		return "search";
	}

	private void run(SearchQuery query, SearchLinks links, Model model) {
		try {
			SearchResults results = search.search(query);
			int pages = Math.min(results.totalPages(), MAX_HITS / PAGE_SIZE);
			model.addAttribute("results", results);
			model.addAttribute("standings", reputation.standings(results.hits().stream().map(SearchHit::authorId).toList()));
			model.addAttribute("pager", Pager.of(query.page() + 1, pages, links::page));
		}
		catch (SearchUnavailableException ex) {
			model.addAttribute("unavailable", true);
		}
		catch (InvalidInputException ex) {
			// the only refusals: a query longer than the engine takes, a page past the deepest it serves
			model.addAttribute("problem", "q".equals(ex.field()) ? "search.problem.query" : "search.problem.page");
		}
	}

	/** Addresses of this search with one thing changed: the board, the order or the page. */
	public record SearchLinks(String text, BoardSummary scope, SearchSort sort) {

		public String board(BoardSummary board) {
			return url(board, sort, 1);
		}

		public String allBoards() {
			return url(null, sort, 1);
		}

		public String sorted(String order) {
			return url(scope, "newest".equals(order) ? SearchSort.NEWEST : SearchSort.RELEVANCE, 1);
		}

		String page(int page) {
			return url(scope, sort, page);
		}

		private String url(BoardSummary board, SearchSort order, int page) {
			StringBuilder url = new StringBuilder("/search?q=").append(Pages.encode(text));
			if (board != null) {
				url.append("&board=").append(board.slug());
			}
			if (order == SearchSort.NEWEST) {
				url.append("&sort=newest");
			}
			if (page > 1) {
				url.append("&page=").append(page);
			}
			return url.toString();
		}
	}
}
