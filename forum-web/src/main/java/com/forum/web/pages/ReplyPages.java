package com.forum.web.pages;

import com.forum.board.BoardCatalog;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.Discussions;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicDetails;
import com.forum.discussion.TopicId;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RequiresPrivilege;
import jakarta.validation.Valid;

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

/** Replying, quoting, and what is done to single replies. */
@Controller
class ReplyPages {

	private final DiscussionQueries queries;

	private final Discussions discussions;

	private final BoardCatalog boards;

	private final ThreadLinks links;

	private final PrivilegeGate privileges;

	private final Attachments attachments;

	ReplyPages(DiscussionQueries queries, Discussions discussions, BoardCatalog boards, ThreadLinks links,
			PrivilegeGate privileges, Attachments attachments) {
		this.attachments = attachments;
		this.queries = queries;
		this.boards = boards;
		this.discussions = discussions;
		this.links = links;
		this.privileges = privileges;
	}

	@GetMapping("/threads/{id}/reply")
	String replyForm(@PathVariable long id, @RequestParam(required = false) Long quote, Model model) {
		ReplyForm form = new ReplyForm("", quote);
		model.addAttribute("form", form);
		return replyPage(new TopicId(id), form, model);
	}

	@PostMapping("/threads/{id}/replies")
	String reply(@PathVariable long id, @Valid @ModelAttribute("form") ReplyForm form, BindingResult result,
			@RequestParam(name = "image", required = false) MultipartFile image,
			@RequestParam(name = "attach", required = false) String attach,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicId topicId = new TopicId(id);
		if (attach != null) {
			attachments.attachOnly(image, member, form, form::getBody, form::setBody, model);
			return replyPage(topicId, form, model);
		}
		if (!result.hasErrors() && attachments.attach(image, member, result, form::getBody,
				form::setBody) != Attachments.Outcome.REFUSED) {
			try {
				ReplyId quoted = form.getQuotedReplyId() == null ? null : new ReplyId(form.getQuotedReplyId());
				ReplyId reply = discussions.reply(privileges.actor(member), topicId, form.getBody(), quoted);
				return "redirect:" + links.reply(topicId, reply);
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
			catch (PrivilegeRequiredException ex) {
				Forms.reject(result, privileges.denial(member, ex.privilege()));
			}
		}
		return replyPage(topicId, form, model);
	}

	@GetMapping("/threads/{id}/replies/{rid}/edit")
	String editForm(@PathVariable long id, @PathVariable long rid, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		ReplyDetails reply = queries.reply(new TopicId(id), new ReplyId(rid));
		TopicDetails topic = queries.topic(reply.topicId());
		Viewer viewer = new Viewer(member, member == null ? null : privileges.standing(member));
		if (!viewer.canEdit(topic, reply.authorId()) && !viewer.canWikiEdit(topic, reply.authorId())) {
			if (viewer.canChange(topic)) {
				throw new PrivilegeRequiredException(Privilege.EDIT_OTHERS_POSTS);
			}
			throw new PermissionDeniedException("edit-reply",
					"Only the author or a moderator may edit this reply, and only while the thread is not locked.");
		}
		model.addAttribute("form", new ReplyForm(reply.body(), null));
		return editPage(reply, model);
	}

	@PostMapping("/threads/{id}/replies/{rid}/edit")
	String edit(@PathVariable long id, @PathVariable long rid, @Valid @ModelAttribute("form") ReplyForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicId topicId = new TopicId(id);
		ReplyId replyId = new ReplyId(rid);
		if (!result.hasErrors()) {
			try {
				discussions.editReply(privileges.actor(member), topicId, replyId, form.getBody());
				return "redirect:" + links.reply(topicId, replyId);
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
			catch (PrivilegeRequiredException ex) {
				Forms.reject(result, privileges.denial(member, ex.privilege()));
			}
		}
		return editPage(queries.reply(topicId, replyId), model);
	}

	@PostMapping("/threads/{id}/replies/{rid}/delete")
	String delete(@PathVariable long id, @PathVariable long rid, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.deleteReply(new Viewer(member).actor(), new TopicId(id), new ReplyId(rid));
		return "redirect:" + links.reply(new TopicId(id), new ReplyId(rid));
	}

	@PostMapping("/threads/{id}/replies/{rid}/like")
	@RequiresPrivilege(Privilege.LIKE_POSTS)
	String like(@PathVariable long id, @PathVariable long rid, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.like(new Viewer(member).actor(), new TopicId(id), new ReplyId(rid));
		return "redirect:" + links.reply(new TopicId(id), new ReplyId(rid));
	}

	@PostMapping("/threads/{id}/replies/{rid}/unlike")
	String unlike(@PathVariable long id, @PathVariable long rid, @AuthenticationPrincipal MemberPrincipal member) {
		discussions.unlike(new Viewer(member).actor(), new TopicId(id), new ReplyId(rid));
		return "redirect:" + links.reply(new TopicId(id), new ReplyId(rid));
	}

	private String replyPage(TopicId topicId, ReplyForm form, Model model) {
		addTopic(queries.topic(topicId), model);
		ReplyDetails quoted = quoted(topicId, form.getQuotedReplyId());
		if (quoted == null) {
			form.setQuotedReplyId(null);
		}
		model.addAttribute("quoted", quoted);
		return "threads/reply";
	}

	private String editPage(ReplyDetails reply, Model model) {
		addTopic(queries.topic(reply.topicId()), model);
		model.addAttribute("reply", reply);
		return "replies/edit";
	}

	private void addTopic(TopicDetails topic, Model model) {
		model.addAttribute("topic", topic);
		model.addAttribute("board", boards.get(topic.boardId()));
	}

	/** The reply being quoted; a quote of a reply that is gone, or hidden pending review, is simply left out. */
	private ReplyDetails quoted(TopicId topicId, Long quote) {
		if (quote == null) {
			return null;
		}
		try {
			ReplyDetails quoted = queries.reply(topicId, new ReplyId(quote));
			return quoted.hidden() ? null : quoted;
		}
		catch (NotFoundException ex) {
			return null;
		}
	}
}
