package com.forum.web.pages;

import java.util.List;
import java.util.Locale;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicId;
import com.forum.member.Privilege;
import com.forum.poll.PollDraft;
import com.forum.poll.Polls;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.RequiresPrivilege;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A thread's poll on its page: voting, changing or taking back a vote and closing it are plain form
 * posts that come back to the poll; a refused vote is told above its options.
 */
@Controller
class PollPages {

	private final Polls polls;

	private final DiscussionQueries discussions;

	private final MessageSource messages;

	private final PetitionFmt zoned;

	PollPages(Polls polls, DiscussionQueries discussions, MessageSource messages, PetitionFmt zoned) {
		this.polls = polls;
		this.discussions = discussions;
		this.messages = messages;
		this.zoned = zoned;
	}

	@GetMapping("/threads/{id}/poll/new")
	String newPoll(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicDetails topic = ownThread(id, member);
		model.addAttribute("topic", topic);
		model.addAttribute("form", new PollForm());
		return "threads/poll-new";
	}

	@PostMapping("/threads/{id}/poll")
	String addPoll(@PathVariable long id, @Valid @ModelAttribute("form") PollForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicDetails topic = ownThread(id, member);
		if (!result.hasErrors()) {
			PollDraft draft = form.draft(result, "", zoned);
			if (draft != null) {
				try {
					polls.add(new Viewer(member).actor(), topic.id(), draft);
					return "redirect:" + ThreadLinks.thread(topic.id()) + "#poll";
				}
				catch (InvalidInputException | RuleViolationException ex) {
					Forms.reject(result, ex);
				}
			}
		}
		model.addAttribute("topic", topic);
		return "threads/poll-new";
	}

	@PostMapping("/threads/{id}/poll/vote")
	@RequiresPrivilege(Privilege.LIKE_POSTS)
	String vote(@PathVariable long id, @RequestParam(name = "option", required = false) List<Long> options,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect, Locale locale) {
		TopicId topic = new TopicId(id);
		refusalTold(() -> polls.vote(new Viewer(member).actor(), topic, options == null ? List.of() : options),
				redirect, locale);
		return "redirect:" + ThreadLinks.thread(topic) + "#poll";
	}

	@PostMapping("/threads/{id}/poll/retract")
	String retract(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member,
			RedirectAttributes redirect, Locale locale) {
		TopicId topic = new TopicId(id);
		refusalTold(() -> polls.retract(new Viewer(member).actor(), topic), redirect, locale);
		return "redirect:" + ThreadLinks.thread(topic) + "#poll";
	}

	@PostMapping("/threads/{id}/poll/close")
	String close(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member) {
		TopicId topic = new TopicId(id);
		polls.close(new Viewer(member).actor(), topic);
		return "redirect:" + ThreadLinks.thread(topic) + "#poll";
	}

	/** Only the thread's author adds a poll; the form is not offered to anyone else. */
	private TopicDetails ownThread(long id, MemberPrincipal member) {
		TopicDetails topic = discussions.topic(new TopicId(id));
		if (!new Viewer(member).is(topic.authorId())) {
			throw new PermissionDeniedException("add-poll", "Only the author of the thread may add a poll to it.");
		}
		return topic;
	}

	/** A refused vote (a closed poll, too many choices) comes back as a message above the poll's options. */
	private void refusalTold(Runnable action, RedirectAttributes redirect, Locale locale) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("pollError", messages.getMessage(Forms.fieldMessage(ex), locale));
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("pollError", messages.getMessage(ex, locale));
		}
	}
}
