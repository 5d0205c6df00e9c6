package com.forum.web.pages;

import com.forum.conversation.Blocks;
import com.forum.conversation.ConversationDetails;
import com.forum.conversation.ConversationId;
import com.forum.conversation.ConversationQueries;
import com.forum.conversation.ConversationSummary;
import com.forum.conversation.Conversations;
import com.forum.conversation.ReportReason;
import com.forum.member.Actor;
import com.forum.member.PrivilegeRequiredException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Private messages: the inbox, starting a conversation, a conversation with its reply form, leaving
 * and reporting one, the members one blocks, and the moderators' reading of reported conversations.
 */
@Controller
class ConversationPages {

	private static final int PAGE_SIZE = 20;

	private final Conversations conversations;

	private final ConversationQueries queries;

	private final Blocks blocks;

	private final PrivilegeGate privileges;

	ConversationPages(Conversations conversations, ConversationQueries queries, Blocks blocks,
			PrivilegeGate privileges) {
		this.conversations = conversations;
		this.queries = queries;
		this.blocks = blocks;
		this.privileges = privileges;
	}

	@GetMapping("/messages")
	String inbox(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		Page<ConversationSummary> found = queries.inbox(privileges.actor(member).id(), Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "messages");
		model.addAttribute("conversations", found);
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/messages" + (n > 1 ? "?page=" + n : "")));
		return "messages/inbox";
	}

	@GetMapping("/messages/new")
	String startForm(@RequestParam(defaultValue = "") String to, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		privileges.actor(member);
		ConversationForms.Start form = new ConversationForms.Start();
		form.setRecipients(to.length() > 64 ? "" : to);
		model.addAttribute("form", form);
		model.addAttribute("section", "messages");
		return "messages/new";
	}

	@PostMapping("/messages")
	String start(@Valid @ModelAttribute("form") ConversationForms.Start form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		if (!result.hasErrors()) {
			try {
				ConversationId id = conversations.start(privileges.actor(member), form.names(), form.getSubject(),
						form.getBody());
				return "redirect:/messages/" + id;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
			catch (PrivilegeRequiredException ex) {
				Forms.reject(result, privileges.denial(member, ex.privilege()));
			}
		}
		model.addAttribute("section", "messages");
		return "messages/new";
	}

	/** Opening a conversation reads it: what was unread is marked read, and shown as new this once. */
	@GetMapping("/messages/{id}")
	String conversation(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member, Model model) {
		Actor reader = privileges.actor(member);
		ConversationDetails details = queries.conversation(reader, new ConversationId(id));
		if (details.unread() > 0) {
			conversations.markRead(reader, details.id());
			// the header's count was read before this reading
			model.addAttribute("unreadMessages", queries.unreadCount(reader.id()));
		}
		model.addAttribute("form", new ConversationForms.Send());
		model.addAttribute("report", new FlagForm());
		return conversationPage(details, model);
	}

	@PostMapping("/messages/{id}/messages")
	String send(@PathVariable long id, @Valid @ModelAttribute("form") ConversationForms.Send form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		Actor author = privileges.actor(member);
		ConversationId conversation = new ConversationId(id);
		if (!result.hasErrors()) {
			try {
				long message = conversations.reply(author, conversation, form.getBody());
				return "redirect:/messages/" + id + "#message-" + message;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
			catch (PrivilegeRequiredException ex) {
				Forms.reject(result, privileges.denial(member, ex.privilege()));
			}
		}
		model.addAttribute("report", new FlagForm());
		return conversationPage(queries.conversation(author, conversation), model);
	}

	@PostMapping("/messages/{id}/leave")
	String leave(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		conversations.leave(privileges.actor(member), new ConversationId(id));
		redirect.addFlashAttribute("notice", "messages.notice.left");
		return "redirect:/messages";
	}

	@PostMapping("/messages/{id}/report")
	String report(@PathVariable long id, @ModelAttribute("report") FlagForm report,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		conversations.report(privileges.actor(member), new ConversationId(id), report.getReason(), report.getNote());
		redirect.addFlashAttribute("notice", "messages.notice.reported");
		return "redirect:/messages/" + id;
	}

	@GetMapping("/settings/blocked")
	String blocked(@AuthenticationPrincipal MemberPrincipal member, Model model) {
		model.addAttribute("form", new ConversationForms.Block());
		return blockedPage(member, model);
	}

	@PostMapping("/settings/blocked")
	String block(@Valid @ModelAttribute("form") ConversationForms.Block form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				blocks.block(privileges.actor(member), form.getUsername().strip());
				redirect.addFlashAttribute("notice", "messages.blocked.notice.blocked");
				return "redirect:/settings/blocked";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
			catch (NotFoundException ex) {
				result.rejectValue("username", "messages.blocked.username.unknown");
			}
		}
		return blockedPage(member, model);
	}

	@PostMapping("/settings/blocked/{username}/unblock")
	String unblock(@PathVariable String username, @AuthenticationPrincipal MemberPrincipal member,
			RedirectAttributes redirect) {
		blocks.unblock(privileges.actor(member), username);
		redirect.addFlashAttribute("notice", "messages.blocked.notice.unblocked");
		return "redirect:/settings/blocked";
	}

	@GetMapping("/moderation/conversations")
	String reports(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		var found = queries.reports(privileges.actor(member), Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "moderation");
		model.addAttribute("reports", found);
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/moderation/conversations" + (n > 1 ? "?page=" + n : "")));
		return "moderation/conversations";
	}

	/** Read-only, and written to the audit log. */
	@GetMapping("/moderation/conversations/{id}")
	String reported(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal member, Model model) {
		model.addAttribute("section", "moderation");
		model.addAttribute("conversation", conversations.readReported(privileges.actor(member), new ConversationId(id)));
		model.addAttribute("readOnly", true);
		return "messages/conversation";
	}

	private String conversationPage(ConversationDetails details, Model model) {
		model.addAttribute("section", "messages");
		model.addAttribute("conversation", details);
		model.addAttribute("readOnly", false);
		model.addAttribute("reasons", ReportReason.values());
		return "messages/conversation";
	}

	private String blockedPage(MemberPrincipal member, Model model) {
		model.addAttribute("blocked", blocks.blockedBy(privileges.actor(member).id()));
		return "messages/blocked";
	}
}
