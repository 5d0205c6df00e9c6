package com.forum.web.pages;

import java.util.Map;

import com.forum.discussion.DiscussionQueries;
import com.forum.discussion.ReplyDetails;
import com.forum.discussion.TopicId;
import com.forum.discussion.TopicSummary;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberProfile;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A member's public profile: who they are, and their threads or replies, a page at a time. */
@Controller
class ProfilePage {

	private static final int PAGE_SIZE = 20;

	private final MemberDirectory members;

	private final DiscussionQueries queries;

	ProfilePage(MemberDirectory members, DiscussionQueries queries) {
		this.members = members;
		this.queries = queries;
	}

	@GetMapping("/members/{username}")
	String profile(@PathVariable String username, @RequestParam(defaultValue = "threads") String tab,
			@RequestParam(defaultValue = "1") int page, Model model) {
		MemberProfile member = members.profile(username);
		boolean replies = "replies".equals(tab);
		Page<TopicSummary> topics = queries.topicsBy(member.id(), replies ? 0 : Pages.index(page), replies ? 1 : PAGE_SIZE);
		Page<ReplyDetails> posts = queries.repliesBy(member.id(), replies ? Pages.index(page) : 0, replies ? PAGE_SIZE : 1);
		Page<?> shown = replies ? posts : topics;
		String base = "/members/" + Pages.encode(member.username()) + "?tab=" + (replies ? "replies" : "threads");
		model.addAttribute("member", member);
		model.addAttribute("tab", replies ? "replies" : "threads");
		model.addAttribute("topics", topics);
		model.addAttribute("posts", posts);
		model.addAttribute("titles", replies ? titles(posts) : Map.of());
		model.addAttribute("pager", Pager.of(Pages.number(page), shown.getTotalPages(), n -> base + "&page=" + n));
		return "members/profile";
	}

	/** Titles of the threads the replies belong to; threads since deleted are missing. */
	private Map<TopicId, String> titles(Page<ReplyDetails> replies) {
		return queries.titles(replies.map(ReplyDetails::topicId).toSet());
	}
}
