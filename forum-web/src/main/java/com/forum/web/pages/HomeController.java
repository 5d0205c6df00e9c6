package com.forum.web.pages;

import com.forum.board.BoardCatalog;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicOrder;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: every board, and the newest threads across all of them. */
@Controller
class HomeController {

	private static final int LATEST = 15;

	private final BoardCatalog boards;

	private final DiscussionQueries queries;

	HomeController(BoardCatalog boards, DiscussionQueries queries) {
		this.boards = boards;
		this.queries = queries;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("boards", boards.all());
		model.addAttribute("boardsById", boards.byId());
		model.addAttribute("topics", queries.topics(null, TopicOrder.NEWEST, 0, LATEST).getContent());
		return "home";
	}
}
