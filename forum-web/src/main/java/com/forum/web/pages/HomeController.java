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
import com.forum.web.security.MemberPrincipal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

	private final WatchingView watching;

	HomeController(BoardCatalog boards, DiscussionQueries queries, Reputation reputation, WatchingView watching) {
		this.watching = watching;
		this.boards = boards;
		this.queries = queries;
		this.reputation = reputation;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request, Model model) {
		model.addAttribute("boards", boards.all());
		model.addAttribute("boardsById", boards.byId());
		List<TopicSummary> topics = queries.topics(null, TopicOrder.NEWEST, 0, LATEST).getContent();
		model.addAttribute("topics", topics);
		List<MemberId> authors = topics.stream().map(TopicSummary::authorId).toList();
		model.addAttribute("standings", reputation.standings(authors));
		watching.list(model, member, topics.stream().map(TopicSummary::id).toList());
		CachedPage.dependsOn(request, PageTags.of(authors, PageTags.LATEST, PageTags.BOARDS));
		return "home";
	}
}
