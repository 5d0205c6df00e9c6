package com.forum.web.pages;

import java.util.List;
import java.util.function.IntFunction;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberProfile;
import com.forum.member.MemberProfiles;
import com.forum.member.PrivilegeRequiredException;
import com.forum.reputation.Reputation;
import com.forum.shared.InvalidInputException;
import com.forum.watching.Following;
import com.forum.watching.ReadingProgress;
import com.forum.watching.UnreadCount;
import com.forum.watching.Watching;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RateLimitedException;
import com.forum.web.security.RateLimits;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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
 * Watching threads and boards, the new, unread and feed lists, following members and the profile's own
 * fields. Every change is a form POST answered with a redirect back, so it works without scripts.
 */
@Controller
class WatchingPages {

	private static final int PAGE_SIZE = 20;

	private final Watching watching;

	private final ReadingProgress reading;

	private final Following following;

	private final MemberProfiles profiles;

	private final MemberDirectory members;

	private final DiscussionQueries discussions;

	private final BoardCatalog boards;

	private final Reputation reputation;

	private final RateLimits limits;

	private final PrivilegeGate privileges;

	WatchingPages(Watching watching, ReadingProgress reading, Following following, MemberProfiles profiles,
			MemberDirectory members, DiscussionQueries discussions, BoardCatalog boards, Reputation reputation,
			RateLimits limits, PrivilegeGate privileges) {
		this.watching = watching;
		this.reading = reading;
		this.following = following;
		this.profiles = profiles;
		this.members = members;
		this.discussions = discussions;
		this.boards = boards;
		this.reputation = reputation;
		this.limits = limits;
		this.privileges = privileges;
	}

	@PostMapping("/threads/{id}/notification-level")
	String threadLevel(@PathVariable long id, @RequestParam String level, @AuthenticationPrincipal MemberPrincipal member) {
		var chosen = Watching.level(level);
		limits.followingChange(member.memberId());
		watching.setThreadLevel(member.memberId(), new TopicId(id), chosen);
		return "redirect:/threads/" + id + "#thread-notification-level";
	}

	@PostMapping("/boards/{slug}/notification-level")
	String boardLevel(@PathVariable String slug, @RequestParam String level,
			@AuthenticationPrincipal MemberPrincipal member) {
		var chosen = Watching.level(level);
		BoardSummary board = boards.get(slug);
		limits.followingChange(member.memberId());
		watching.setBoardLevel(member.memberId(), board.id(), chosen);
		return "redirect:/boards/" + board.slug() + "#board-notification-level";
	}

	@GetMapping("/new")
	String newThreads(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		Page<TopicId> ids = reading.newThreads(member.memberId(), Pages.index(page), PAGE_SIZE);
		return list("new", summaries(ids), page, member, model);
	}

	@GetMapping("/unread")
	String unreadThreads(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		Page<UnreadCount> unread = reading.unreadThreads(member.memberId(), Pages.index(page), PAGE_SIZE);
		return list("unread", summaries(unread.map(UnreadCount::topic)), page, member, model);
	}

	@GetMapping("/feed")
	String feed(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		return list("feed", summaries(following.feed(member.memberId(), Pages.index(page), PAGE_SIZE)), page, member,
				model);
	}

	@PostMapping("/new/dismiss")
	String dismissNew(@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		limits.followingChange(member.memberId());
		reading.dismissNew(member.memberId());
		redirect.addFlashAttribute("notice", "watching.dismissed");
		return "redirect:/new";
	}

	@PostMapping("/unread/dismiss")
	String dismissUnread(@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		limits.followingChange(member.memberId());
		reading.dismissUnread(member.memberId());
		redirect.addFlashAttribute("notice", "watching.dismissed");
		return "redirect:/unread";
	}

	@PostMapping("/members/{username}/follow")
	String follow(@PathVariable String username, @AuthenticationPrincipal MemberPrincipal member) {
		MemberProfile followee = members.publicProfile(username);
		limits.followingChange(member.memberId());
		following.follow(member.memberId(), followee.id());
		return "redirect:/members/" + Pages.encode(followee.username()) + "#follow";
	}

	@PostMapping("/members/{username}/unfollow")
	String unfollow(@PathVariable String username, @AuthenticationPrincipal MemberPrincipal member) {
		MemberProfile followee = members.publicProfile(username);
		limits.followingChange(member.memberId());
		following.unfollow(member.memberId(), followee.id());
		return "redirect:/members/" + Pages.encode(followee.username()) + "#follow";
	}

	/**
	 * Saves the bio, signature and device. A refused field shows the form again on a page of its own with
	 * the member's text and the reason, and nothing changed.
	 */
	@PostMapping("/settings/profile")
	String saveProfile(@ModelAttribute("fieldsForm") ProfileFieldsForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal member, Model model, RedirectAttributes redirect) {
		try {
			limits.followingChange(member.memberId());
			profiles.describe(privileges.actor(member), form.getBio(), form.getSignature(), form.getDevice());
			redirect.addFlashAttribute("notice", "watching.fields.saved");
			return "redirect:/members/" + Pages.encode(member.getUsername()) + "#profile-fields";
		}
		catch (InvalidInputException | RateLimitedException ex) {
			Forms.reject(result, ex);
		}
		catch (PrivilegeRequiredException ex) {
			Forms.reject(result, privileges.denial(member, ex.privilege()));
		}
		model.addAttribute("devices", profiles.devices());
		return "watching/profile-fields";
	}

	private String list(String name, Page<TopicSummary> topics, int page, MemberPrincipal member, Model model) {
		model.addAttribute("list", name);
		model.addAttribute("topics", topics);
		model.addAttribute("boardsById", boards.byId());
		model.addAttribute("standings", reputation.standings(topics.map(TopicSummary::authorId).toList()));
		model.addAttribute("unreadCounts",
				reading.unread(member.memberId(), topics.map(TopicSummary::id).getContent()));
		IntFunction<String> link = n -> "/" + name + (n > 1 ? "?page=" + n : "");
		model.addAttribute("pager", Pager.of(Pages.number(page), topics.getTotalPages(), link));
		return "watching/list";
	}

	private Page<TopicSummary> summaries(Page<TopicId> ids) {
		List<TopicSummary> found = discussions.summaries(ids.getContent());
		return new PageImpl<>(found, ids.getPageable(), ids.getTotalElements());
	}
}
