package com.forum.web.pages;

import java.util.List;

import com.forum.board.BoardCatalog;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicOrder;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberId;
import com.forum.reputation.Reputation;
import com.forum.web.cache.CachedPage;
import com.forum.web.cache.PageTags;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: every board, and the newest threads across all of them. */
@Controller
class HomeController {

	private static final int LATEST = 15;

	private final BoardCatalog boards;

	private final DiscussionQueries queries;

	private final Reputation reputation;

	HomeController(BoardCatalog boards, DiscussionQueries queries, Reputation reputation) {
		this.boards = boards;
		this.queries = queries;
		this.reputation = reputation;
	}

	@GetMapping("/")
	String home(HttpServletRequest request, Model model) {
		model.addAttribute("boards", boards.all());
		model.addAttribute("boardsById", boards.byId());
		List<TopicSummary> topics = queries.topics(null, TopicOrder.NEWEST, 0, LATEST).getContent();
		model.addAttribute("topics", topics);
		List<MemberId> authors = topics.stream().map(TopicSummary::authorId).toList();
		model.addAttribute("standings", reputation.standings(authors));
		CachedPage.dependsOn(request, PageTags.of(authors, PageTags.LATEST, PageTags.BOARDS));
		return "home";
	}
}
