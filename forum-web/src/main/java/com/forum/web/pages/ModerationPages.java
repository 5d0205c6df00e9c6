package com.forum.web.pages;

import com.forum.discussion.FlagReason;
import com.forum.discussion.PostKind;
import com.forum.discussion.PostModeration;
import com.forum.discussion.ReplyId;
import com.forum.discussion.ReviewItem;
import com.forum.discussion.TopicId;
import com.forum.member.Privilege;
import com.forum.reputation.Reputation;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RequiresPrivilege;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Flagging and hiding posts from a thread, and the moderators' review queue. */
@Controller
class ModerationPages {

	private static final int PAGE_SIZE = 20;

	private final PostModeration moderation;

	private final PrivilegeGate privileges;

	private final ThreadLinks links;

	private final Reputation reputation;

	ModerationPages(PostModeration moderation, PrivilegeGate privileges, ThreadLinks links, Reputation reputation) {
		this.moderation = moderation;
		this.privileges = privileges;
		this.links = links;
		this.reputation = reputation;
	}

	@PostMapping("/threads/{id}/flag")
	@RequiresPrivilege(Privilege.FLAG_POSTS)
	String flagThread(@PathVariable long id, @ModelAttribute FlagForm form,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.flag(privileges.actor(member), new TopicId(id), null, form.getReason(), form.getNote());
		return backToPost(redirect, "moderation.notice.flagged", id, null);
	}

	@PostMapping("/threads/{id}/replies/{rid}/flag")
	@RequiresPrivilege(Privilege.FLAG_POSTS)
	String flagReply(@PathVariable long id, @PathVariable long rid, @ModelAttribute FlagForm form,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.flag(privileges.actor(member), new TopicId(id), new ReplyId(rid), form.getReason(), form.getNote());
		return backToPost(redirect, "moderation.notice.flagged", id, rid);
	}

	@PostMapping("/threads/{id}/hide")
	@RequiresPrivilege(Privilege.HIDE_POSTS)
	String hideThread(@PathVariable long id, @ModelAttribute FlagForm form,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.hide(privileges.actor(member), new TopicId(id), null, form.getReason(), form.getNote());
		return backToPost(redirect, "moderation.notice.hidden", id, null);
	}

	@PostMapping("/threads/{id}/replies/{rid}/hide")
	@RequiresPrivilege(Privilege.HIDE_POSTS)
	String hideReply(@PathVariable long id, @PathVariable long rid, @ModelAttribute FlagForm form,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.hide(privileges.actor(member), new TopicId(id), new ReplyId(rid), form.getReason(), form.getNote());
		return backToPost(redirect, "moderation.notice.hidden", id, rid);
	}

	/** The queue, or with {@code ?thread=} the posts of one thread that wait for review. */
	@GetMapping("/moderation")
	String queue(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Long thread,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		TopicId topic = thread == null ? null : new TopicId(thread);
		Page<ReviewItem> items = moderation.queue(new Viewer(member).actor(), topic, Pages.index(page), PAGE_SIZE);
		String base = "/moderation" + (thread == null ? "" : "?thread=" + thread);
		model.addAttribute("section", "moderation");
		model.addAttribute("thread", thread);
		model.addAttribute("items", items);
		model.addAttribute("reasons", FlagReason.values());
		model.addAttribute("standings", reputation.standings(items.map(ReviewItem::authorId).toList()));
		model.addAttribute("pager", Pager.of(Pages.number(page), items.getTotalPages(),
				n -> base + (n > 1 ? (thread == null ? "?" : "&") + "page=" + n : "")));
		return "moderation/queue";
	}

	@PostMapping("/moderation/threads/{id}/keep")
	String keepThread(@PathVariable long id, @RequestParam(required = false) Long thread,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.keep(new Viewer(member).actor(), PostKind.TOPIC, id);
		return decided(redirect, "moderation.notice.kept", thread);
	}

	@PostMapping("/moderation/threads/{id}/remove")
	String removeThread(@PathVariable long id, @RequestParam(required = false) Long thread,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.remove(new Viewer(member).actor(), PostKind.TOPIC, id);
		return decided(redirect, "moderation.notice.removed", thread);
	}

	@PostMapping("/moderation/replies/{id}/keep")
	String keepReply(@PathVariable long id, @RequestParam(required = false) Long thread,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.keep(new Viewer(member).actor(), PostKind.REPLY, id);
		return decided(redirect, "moderation.notice.kept", thread);
	}

	@PostMapping("/moderation/replies/{id}/remove")
	String removeReply(@PathVariable long id, @RequestParam(required = false) Long thread,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.remove(new Viewer(member).actor(), PostKind.REPLY, id);
		return decided(redirect, "moderation.notice.removed", thread);
	}

	/** Hides an earlier version from the public history; back to that history. */
	@PostMapping("/moderation/revisions/{id}/hide")
	String hideRevision(@PathVariable long id, @RequestParam long thread, @RequestParam(required = false) Long reply,
			@RequestParam(required = false) String note, @AuthenticationPrincipal MemberPrincipal member,
			RedirectAttributes redirect) {
		moderation.hideRevision(new Viewer(member).actor(), id, note);
		return backToHistory(redirect, "moderation.notice.revision-hidden", thread, reply);
	}

	@PostMapping("/moderation/revisions/{id}/show")
	String showRevision(@PathVariable long id, @RequestParam long thread, @RequestParam(required = false) Long reply,
			@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		moderation.showRevision(new Viewer(member).actor(), id);
		return backToHistory(redirect, "moderation.notice.revision-shown", thread, reply);
	}

	private static String backToHistory(RedirectAttributes redirect, String notice, long thread, Long reply) {
		redirect.addFlashAttribute("notice", new Notice(notice));
		return "redirect:/threads/" + thread + "/history" + (reply == null ? "" : "?reply=" + reply);
	}

	/** Back to the post acted on: the opening post, or the reply on its page. */
	private String backToPost(RedirectAttributes redirect, String notice, long thread, Long reply) {
		redirect.addFlashAttribute("notice", new Notice(notice));
		return "redirect:" + (reply == null ? "/threads/" + thread + "#post"
				: links.reply(new TopicId(thread), new ReplyId(reply)));
	}

	/** Back to the queue the moderator decided from: all of it, or one thread's. */
	private static String decided(RedirectAttributes redirect, String notice, Long thread) {
		redirect.addFlashAttribute("notice", new Notice(notice));
		return "redirect:/moderation" + (thread == null ? "" : "?thread=" + thread);
	}
}
