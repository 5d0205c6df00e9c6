package com.forum.web.pages;

import java.util.List;

import com.forum.board.BoardCatalog;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicOrder;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberId;
import com.forum.reputation.Reputation;
import com.forum.web.security.MemberPrincipal;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Lists of threads across every board: the featured ones (精华) and the hot ones of this week. */
@Controller
class TopicListPages {

	private static final int PAGE_SIZE = 20;

	private final BoardCatalog boards;

	private final DiscussionQueries queries;

	private final Reputation reputation;

	private final WatchingView watching;

	TopicListPages(BoardCatalog boards, DiscussionQueries queries, Reputation reputation, WatchingView watching) {
		this.watching = watching;
		this.boards = boards;
		this.queries = queries;
		this.reputation = reputation;
	}

	@GetMapping("/featured")
	String featured(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		return list("featured", TopicOrder.FEATURED, page, member, model);
	}

	@GetMapping("/hot")
	String hot(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		return list("hot", TopicOrder.WEEK, page, member, model);
	}

	private String list(String name, TopicOrder order, int page, MemberPrincipal member, Model model) {
		Page<TopicSummary> topics = queries.topics(null, order, Pages.index(page), PAGE_SIZE);
		List<MemberId> authors = topics.map(TopicSummary::authorId).toList();
		model.addAttribute("list", name);
		model.addAttribute("topics", topics);
		model.addAttribute("boardsById", boards.byId());
		model.addAttribute("standings", reputation.standings(authors));
		watching.list(model, member, topics.map(TopicSummary::id).getContent());
		model.addAttribute("pager",
				Pager.of(Pages.number(page), topics.getTotalPages(), n -> "/" + name + (n > 1 ? "?page=" + n : "")));
		return "threads/list";
	}
}
