package com.forum.web.pages;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.member.MemberId;
import com.forum.petition.PetitionStatus;
import com.forum.reputation.Reputation;
import com.forum.search.PostSearch;
import com.forum.search.SearchHit;
import com.forum.search.SearchQuery;
import com.forum.search.SearchResults;
import com.forum.search.SearchSort;
import com.forum.search.SearchType;
import com.forum.search.SearchUnavailableException;
import com.forum.search.TimeRange;
import com.forum.shared.InvalidInputException;
import com.forum.upload.Uploads;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One search over threads, replies, petitions and members, with facets (type, board, time, petition
 * status, tag) to switch between and three orders; without a query it shows just the search box.
 * Values the page does not know (an old or edited link) are ignored rather than refused.
 */
@Controller
class SearchPage {

	private static final int PAGE_SIZE = 10;

	/** Elasticsearch pages no deeper than this many hits. */
	private static final int MAX_HITS = 10_000;

	private final PostSearch search;

	private final BoardCatalog boards;

	private final Reputation reputation;

	private final Uploads uploads;

	SearchPage(PostSearch search, BoardCatalog boards, Reputation reputation, Uploads uploads) {
		this.search = search;
		this.boards = boards;
		this.reputation = reputation;
		this.uploads = uploads;
	}

	@GetMapping("/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String board,
			@RequestParam(defaultValue = "relevance") String sort, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String tag,
			@RequestParam(defaultValue = "") String time, @RequestParam(defaultValue = "1") int page, Model model) {
		String text = q.strip();
		BoardSummary scope = boards.find(board).orElse(null);
		SearchLinks links = new SearchLinks(text, scope, choice(SearchSort.class, sort).orElse(SearchSort.RELEVANCE),
				choice(SearchType.class, type).orElse(null), choice(PetitionStatus.class, status).orElse(null),
				tag.strip().toLowerCase(Locale.ROOT), choice(TimeRange.class, time).orElse(null));
		model.addAttribute("searchPage", true);
		model.addAttribute("q", text);
		model.addAttribute("scope", scope);
		model.addAttribute("sort", links.sort().key());
		model.addAttribute("links", links);
		model.addAttribute("boardsById", boards.byId());
		model.addAttribute("types", SearchType.values());
		model.addAttribute("times", TimeRange.values());
		if (!text.isEmpty()) {
			run(new SearchQuery(text, scope == null ? null : scope.id(), links.sort(), Pages.index(page), PAGE_SIZE,
					links.type() == null ? Set.of() : Set.of(links.type()),
					links.status() == null ? Set.of() : Set.of(links.status()),
					links.tag().isEmpty() ? Set.of() : Set.of(links.tag()), links.time()), links, model);
		}
		return "search";
	}

	private void run(SearchQuery query, SearchLinks links, Model model) {
		try {
			SearchResults results = search.search(query);
			int pages = Math.min(results.totalPages(), MAX_HITS / PAGE_SIZE);
			model.addAttribute("results", results);
			model.addAttribute("standings", reputation.standings(
					results.hits().stream().map(SearchHit::authorId).filter(Objects::nonNull).toList()));
			Map<MemberId, String> members = new LinkedHashMap<>();
			results.hits().stream().filter(h -> h.type() == SearchType.MEMBER)
				.forEach(h -> members.put(h.authorId(), h.authorName()));
			model.addAttribute("avatars", AvatarsView.of(uploads, members));
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

	private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String value) {
		String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(name)).findFirst();
	}

	/** Addresses of this search with one thing changed: a facet's value, the order or the page. */
	public record SearchLinks(String text, BoardSummary scope, SearchSort sort, SearchType type, PetitionStatus status,
			String tag, TimeRange time) {

		public String board(BoardSummary board) {
			return new SearchLinks(text, board, sort, type, status, tag, time).url(1);
		}

		public String allBoards() {
			return board(null);
		}

		public String sorted(String order) {
			SearchSort chosen = choice(SearchSort.class, order).orElse(SearchSort.RELEVANCE);
			return new SearchLinks(text, scope, chosen, type, status, tag, time).url(1);
		}

		/** The search with this type only; "" for every type. */
		public String typed(String value) {
			return new SearchLinks(text, scope, sort, choice(SearchType.class, value).orElse(null), status, tag, time)
				.url(1);
		}

		public String statused(String value) {
			return new SearchLinks(text, scope, sort, type, choice(PetitionStatus.class, value).orElse(null), tag, time)
				.url(1);
		}

		public String tagged(String value) {
			return new SearchLinks(text, scope, sort, type, status, value, time).url(1);
		}

		public String timed(String value) {
			return new SearchLinks(text, scope, sort, type, status, tag, choice(TimeRange.class, value).orElse(null))
				.url(1);
		}

		/** The same filters with other words, for "did you mean". */
		public String query(String other) {
			return new SearchLinks(other, scope, sort, type, status, tag, time).url(1);
		}

		public boolean filtered() {
			return scope != null || type != null || status != null || !tag.isEmpty() || time != null;
		}

		String page(int page) {
			return url(page);
		}

		private String url(int page) {
			StringBuilder url = new StringBuilder("/search?q=").append(Pages.encode(text));
			if (scope != null) {
				url.append("&board=").append(scope.slug());
			}
			if (type != null) {
				url.append("&type=").append(type.key());
			}
			if (status != null) {
				url.append("&status=").append(status.name().toLowerCase(Locale.ROOT));
			}
			if (!tag.isEmpty()) {
				url.append("&tag=").append(Pages.encode(tag));
			}
			if (time != null) {
				url.append("&time=").append(time.key());
			}
			if (sort != SearchSort.RELEVANCE) {
				url.append("&sort=").append(sort.key());
			}
			if (page > 1) {
				url.append("&page=").append(page);
			}
			return url.toString();
		}
	}
}
