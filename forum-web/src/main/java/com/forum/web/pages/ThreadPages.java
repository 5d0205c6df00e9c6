package com.forum.web.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.Discussions;
import com.forum.discussion.FlagReason;
import com.forum.discussion.PostKind;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.reputation.Reputation;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import com.forum.upload.Uploads;
import com.forum.web.cache.CachedPage;
import com.forum.web.cache.KeptFragments;
import com.forum.web.cache.PageTags;
import com.forum.web.security.ClientAddress;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RequiresPrivilege;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

/** A thread: reading it, and everything done to the thread as a whole. */
@Controller
class ThreadPages {

	private static final Logger log = LoggerFactory.getLogger(ThreadPages.class);

	private final DiscussionQueries queries;

	private final Discussions discussions;

	private final BoardCatalog boards;

	private final ThreadLinks links;

	private final PrivilegeGate privileges;

	private final Reputation reputation;

	private final Uploads uploads;

	private final ClientAddress addresses;

	private final WatchingView watching;

	private final PollsView polls;

	private final KeptFragments keptPosts;

	private final ThreadPosts posts;

	ThreadPages(DiscussionQueries queries, Discussions discussions, BoardCatalog boards, ThreadLinks links,
			PrivilegeGate privileges, Reputation reputation, ClientAddress addresses, Uploads uploads,
			WatchingView watching, PollsView polls, KeptFragments keptPosts, ThreadPosts posts) {
		this.polls = polls;
		this.keptPosts = keptPosts;
		this.posts = posts;
		this.uploads = uploads;
		this.watching = watching;
		this.queries = queries;
		this.discussions = discussions;
		this.boards = boards;
		this.links = links;
		this.privileges = privileges;
		this.reputation = reputation;
		this.addresses = addresses;
	}

	/** With {@code ?reply=} and no page, sends the reader to the page holding that reply. */
	@GetMapping("/threads/{id}")
	String thread(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Long reply, @AuthenticationPrincipal MemberPrincipal member,
			HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
		TopicId topicId = new TopicId(id);
		if (reply != null && page == null) {
			return "redirect:" + links.reply(topicId, new ReplyId(reply));
		}
		// before anything the page shows is read: see KeptFragments
		KeptFragments.Reading kept = keptPosts.begin();
		MemberId reader = member == null ? null : member.memberId();
		boolean moderates = member != null && member.moderates();
		TopicDetails topic = queries.topic(topicId).shownTo(reader, moderates);
		int number = page == null ? 1 : Pages.number(page);
		Page<ReplyDetails> replies = queries.replies(topic, number - 1, ThreadLinks.REPLIES_PER_PAGE)
			.map(r -> r.shownTo(reader, moderates));
		if (number > 1 && number > replies.getTotalPages()) {
			return "redirect:" + ThreadLinks.page(topicId, Math.max(1, replies.getTotalPages()));
		}
		Viewer viewer = new Viewer(member);
		recordView(topicId, viewer, request);
		addTopic(topic, model);
		model.addAttribute("replies", replies);
		List<MemberId> authors = Stream
			.concat(Stream.of(topic.authorId()), replies.getContent().stream().map(ReplyDetails::authorId))
			.toList();
		model.addAttribute("standings", reputation.standings(authors));
		Map<MemberId, String> authorNames = new HashMap<>();
		authorNames.put(topic.authorId(), topic.authorName());
		replies.forEach(r -> authorNames.put(r.authorId(), r.authorName()));
		model.addAttribute("avatars", AvatarsView.of(uploads, authorNames));
		watching.thread(model, member, topicId, replies, authors);
		List<String> tags = PageTags.of(authors, PageTags.topic(topicId), PageTags.board(topic.boardId()),
				PageTags.BOARDS);
		CachedPage.dependsOn(request, tags);
		CachedPage.onEveryServe(request, again -> recordView(topicId, viewer, again));
		model.addAttribute("pager", Pager.of(number, replies.getTotalPages(), n -> ThreadLinks.page(topicId, n)));
		Set<Long> likedReplies = liked(viewer, PostKind.REPLY, replies.map(r -> r.id().value()).getContent());
		Set<Long> bookmarkedReplies = polls.bookmarkedReplies(replies, viewer);
		model.addAttribute("likedReplies", likedReplies);
		model.addAttribute("bookmarkedReplies", bookmarkedReplies);
		model.addAttribute("form", new ReplyForm());
		model.addAttribute("flagReasons", FlagReason.values());
		// the page's viewer (PagesAdvice), with what their reputation allows: their buttons depend on it
		Viewer shownTo = (Viewer) model.getAttribute("viewer");
		model.addAttribute("canAccept", shownTo.canAccept(topic, (BoardSummary) model.getAttribute("board")));
		kept.shows(tags);
		boolean likedTopic = liked(viewer, PostKind.TOPIC, List.of(id)).contains(id);
		boolean bookmarkedTopic = !topic.withheld() && polls.bookmarkedThread(topic, viewer);
		model.addAttribute("openingHtml",
				posts.opening(kept, shownTo, topic, likedTopic, bookmarkedTopic, model.asMap(), request, response));
		model.addAttribute("replyHtml", posts.replies(kept, shownTo, topic, replies.getContent(),
				(number - 1) * ThreadLinks.REPLIES_PER_PAGE + 1, likedReplies, bookmarkedReplies, model.asMap(),
				request, response));
		return "threads/thread";
	}

	@GetMapping("/threads/{id}/edit")
	String editForm(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicDetails topic = queries.topic(new TopicId(id));
		Viewer viewer = new Viewer(member, member == null ? null : privileges.standing(member));
		if (!viewer.canEdit(topic, topic.authorId()) && !viewer.canWikiEdit(topic, topic.authorId())) {
			if (viewer.canChange(topic)) {
				throw new PrivilegeRequiredException(Privilege.EDIT_OTHERS_POSTS);
			}
			throw new PermissionDeniedException("edit-thread",
					"Only the author or a moderator may edit this thread, and only while it is not locked.");
		}
		addTopic(topic, model);
		model.addAttribute("form", new TopicForm(topic.title(), topic.body()));
		return "threads/edit";
	}

	@PostMapping("/threads/{id}/edit")
	String edit(@PathVariable long id, @Valid @ModelAttribute("form") TopicForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicId topicId = new TopicId(id);
		if (!result.hasErrors()) {
			try {
				discussions.editTopic(privileges.actor(member), topicId, form.getTitle(), form.getBody());
				return "redirect:" + ThreadLinks.thread(topicId);
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
			catch (PrivilegeRequiredException ex) {
				Forms.reject(result, privileges.denial(member, ex.privilege()));
			}
		}
		addTopic(queries.topic(topicId), model);
		return "threads/edit";
	}

	@PostMapping("/threads/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member) {
		TopicId topicId = new TopicId(id);
		BoardSummary board = boards.get(queries.topic(topicId).boardId());
		discussions.deleteTopic(new Viewer(member).actor(), topicId);
		return "redirect:/boards/" + board.slug();
	}

	@PostMapping("/threads/{id}/like")
	@RequiresPrivilege(Privilege.LIKE_POSTS)
	String like(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.like(new Viewer(member).actor(), new TopicId(id), null);
		return "redirect:/threads/" + id + "#post";
	}

	@PostMapping("/threads/{id}/unlike")
	String unlike(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.unlike(new Viewer(member).actor(), new TopicId(id), null);
		return "redirect:/threads/" + id + "#post";
	}

	@PostMapping("/threads/{id}/pin")
	String pin(@PathVariable long id, @RequestParam boolean value, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.pin(new Viewer(member).actor(), new TopicId(id), value);
		return "redirect:/threads/" + id;
	}

	@PostMapping("/threads/{id}/feature")
	String feature(@PathVariable long id, @RequestParam boolean value, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.feature(new Viewer(member).actor(), new TopicId(id), value);
		return "redirect:/threads/" + id;
	}

	@PostMapping("/threads/{id}/lock")
	String lock(@PathVariable long id, @RequestParam boolean value, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.lock(new Viewer(member).actor(), new TopicId(id), value);
		return "redirect:/threads/" + id;
	}

	@PostMapping("/threads/{id}/accept")
	String accept(@PathVariable long id, @RequestParam long replyId, @AuthenticationPrincipal MemberPrincipal member) {
		TopicId topicId = new TopicId(id);
		discussions.acceptAnswer(new Viewer(member).actor(), topicId, new ReplyId(replyId));
		return "redirect:" + links.reply(topicId, new ReplyId(replyId));
	}

	/**
	 * The edit history of the opening post, or with {@code ?reply=} of one reply. The history of a post
	 * hidden pending review is its content too, so readers who may not see the post do not see it.
	 */
	@GetMapping("/threads/{id}/history")
	String history(@PathVariable long id, @RequestParam(required = false) Long reply,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicId topicId = new TopicId(id);
		MemberId reader = member == null ? null : member.memberId();
		boolean moderates = member != null && member.moderates();
		// staff still read the versions a moderator hid; moderators may hide and show them
		boolean staff = moderates || member != null && member.role().isStaff();
		model.addAttribute("moderates", moderates);
		TopicDetails topic = queries.topic(topicId).shownTo(reader, moderates);
		addTopic(topic, model);
		if (reply == null) {
			model.addAttribute("revisions", topic.withheld() ? List.of() : queries.revisions(PostKind.TOPIC, id, staff));
		}
		else {
			ReplyDetails shown = queries.reply(topicId, new ReplyId(reply)).shownTo(reader, moderates);
			model.addAttribute("reply", shown);
			model.addAttribute("revisions", shown.withheld() ? List.of() : queries.revisions(PostKind.REPLY, reply, staff));
		}
		return "threads/history";
	}

	private void addTopic(TopicDetails topic, Model model) {
		model.addAttribute("topic", topic);
		model.addAttribute("board", boards.get(topic.boardId()));
	}

	private Set<Long> liked(Viewer viewer, PostKind kind, List<Long> ids) {
		return viewer.signedIn() && !ids.isEmpty() ? queries.likedBy(viewer.member().memberId(), kind, ids) : Set.of();
	}

	/**
	 * A view that cannot be counted must not cost the reader the page. Only a reader opening the page
	 * counts: a browser says what a request is for ({@code Sec-Fetch-Dest}), and an image, a frame, a
	 * prefetch or a script's fetch pointing at a thread is not a view, so user content cannot inflate
	 * the counter through every reader's browser. Programs that send no such header still count.
	 */
	private void recordView(TopicId topic, Viewer viewer, HttpServletRequest request) {
		if (!isReaderOpeningThePage(request)) {
			return;
		}
		try {
			discussions.recordView(topic, viewer.viewerKey(request, addresses));
		}
		catch (RuntimeException ex) {
			log.warn("Could not count a view of thread {}: {}", topic, ex.toString());
		}
	}

	private static boolean isReaderOpeningThePage(HttpServletRequest request) {
		String destination = request.getHeader("Sec-Fetch-Dest");
		String mode = request.getHeader("Sec-Fetch-Mode");
		String purpose = request.getHeader("Sec-Purpose") != null ? request.getHeader("Sec-Purpose")
				: request.getHeader("Purpose");
		return (destination == null || destination.equals("document"))
				&& (mode == null || mode.equals("navigate"))
				&& (purpose == null || !purpose.contains("prefetch"));
	}
}
