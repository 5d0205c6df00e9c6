package com.forum.web.pages;

import java.util.List;
import java.util.Locale;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.Discussions;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicOrder;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberId;
import com.forum.member.PrivilegeRequiredException;
import com.forum.poll.PollDraft;
import com.forum.poll.Polls;
import com.forum.reputation.Reputation;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.cache.CachedPage;
import com.forum.web.cache.PageTags;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** A board's thread list, and starting a new thread in it. */
@Controller
class BoardPages {

	private static final int PAGE_SIZE = 20;

	private final BoardCatalog boards;

	private final DiscussionQueries queries;

	private final Discussions discussions;

	private final PrivilegeGate privileges;

	private final Reputation reputation;

	private final Polls polls;

	private final PetitionFmt zoned;

	private final Attachments attachments;

	private final WatchingView watching;

	BoardPages(BoardCatalog boards, DiscussionQueries queries, Discussions discussions, PrivilegeGate privileges,
			Reputation reputation, Polls polls, PetitionFmt zoned, Attachments attachments, WatchingView watching) {
		this.watching = watching;
		this.polls = polls;
		this.zoned = zoned;
		this.attachments = attachments;
		this.boards = boards;
		this.queries = queries;
		this.discussions = discussions;
		this.privileges = privileges;
		this.reputation = reputation;
	}

	@GetMapping("/boards/{slug}")
	String board(@PathVariable String slug, @RequestParam(defaultValue = "latest") String sort,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			HttpServletRequest request, Model model) {
		BoardSummary board = boards.get(slug);
		TopicOrder order = order(sort);
		String sortName = order.name().toLowerCase(Locale.ROOT);
		Page<TopicSummary> topics = queries.topics(board.id(), order, Pages.index(page), PAGE_SIZE);
		model.addAttribute("board", board);
		model.addAttribute("sort", sortName);
		model.addAttribute("topics", topics);
		List<MemberId> authors = topics.map(TopicSummary::authorId).toList();
		model.addAttribute("standings", reputation.standings(authors));
		watching.board(model, member, board.id());
		watching.list(model, member, topics.map(TopicSummary::id).getContent());
		CachedPage.dependsOn(request, PageTags.of(authors, PageTags.board(board.id()), PageTags.BOARDS));
		model.addAttribute("pager", Pager.of(Pages.number(page), topics.getTotalPages(),
				n -> "/boards/" + board.slug() + "?sort=" + sortName + (n > 1 ? "&page=" + n : "")));
		return "boards/board";
	}

	@GetMapping("/boards/{slug}/new")
	String newThread(@PathVariable String slug, Model model) {
		model.addAttribute("board", boards.get(slug));
		model.addAttribute("form", new NewTopicForm());
		return "threads/new";
	}

	@PostMapping("/boards/{slug}/threads")
	String startThread(@PathVariable String slug, @Valid @ModelAttribute("form") NewTopicForm form,
			BindingResult result, @RequestParam(name = "image", required = false) MultipartFile image,
			@RequestParam(name = "attach", required = false) String attach,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		BoardSummary board = boards.get(slug);
		if (attach != null) {
			attachments.attachOnly(image, member, form, form::getBody, form::setBody, model);
			model.addAttribute("board", board);
			return "threads/new";
		}
		// a poll is asked with the thread or not at all: its mistakes keep the thread unwritten (and are found
		// before an image is stored for it)
		PollDraft poll = form.getPoll().asked() && !result.hasErrors() ? form.getPoll().draft(result, "poll.", zoned)
				: null;
		if (!result.hasErrors() && attachments.attach(image, member, result, form::getBody,
				form::setBody) != Attachments.Outcome.REFUSED) {
			try {
				TopicId id = poll == null
						? discussions.startTopic(privileges.actor(member), board.id(), form.getTitle(), form.getBody())
						: polls.startThread(privileges.actor(member), board.id(), form.getTitle(), form.getBody(),
								poll);
				return "redirect:/threads/" + id;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				if (!PollForm.reject(result, "poll.", ex)) {
					Forms.reject(result, ex);
				}
			}
			catch (PrivilegeRequiredException ex) {
				Forms.reject(result, privileges.denial(member, ex.privilege()));
			}
		}
		model.addAttribute("board", board);
		return "threads/new";
	}

	/** Unknown orders fall back to the default rather than failing: it is only a view preference. */
	private static TopicOrder order(String sort) {
		return switch (sort.toLowerCase(Locale.ROOT)) {
			case "hot" -> TopicOrder.HOT;
			case "newest" -> TopicOrder.NEWEST;
			case "week" -> TopicOrder.WEEK;
			case "featured" -> TopicOrder.FEATURED;
			default -> TopicOrder.LATEST;
		};
	}
}
