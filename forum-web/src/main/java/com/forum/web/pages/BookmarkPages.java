package com.forum.web.pages;

import com.forum.bookmark.Bookmark;
import com.forum.bookmark.Bookmarks;
import com.forum.discussion.PostKind;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.web.security.MemberPrincipal;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The member's bookmarks: the toggle beside each post of a thread, and their list. */
@Controller
class BookmarkPages {

	private static final int PAGE_SIZE = 20;

	private final Bookmarks bookmarks;

	private final ThreadLinks links;

	BookmarkPages(Bookmarks bookmarks, ThreadLinks links) {
		this.bookmarks = bookmarks;
		this.links = links;
	}

	@GetMapping("/bookmarks")
	String list(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		new Viewer(member).actor();
		Page<Bookmark> found = bookmarks.of(member.memberId(), Pages.index(page), PAGE_SIZE);
		model.addAttribute("bookmarks", found);
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/bookmarks" + (n > 1 ? "?page=" + n : "")));
		return "bookmarks/list";
	}

	/** {@code value}: add (true) or remove (false); {@code fromList} returns to the list. */
	@PostMapping("/threads/{id}/bookmark")
	String thread(@PathVariable long id, @RequestParam boolean value, @RequestParam(defaultValue = "false") boolean fromList,
			@AuthenticationPrincipal MemberPrincipal member) {
		TopicId topic = new TopicId(id);
		if (value) {
			bookmarks.addThread(new Viewer(member).actor(), topic);
		}
		else {
			bookmarks.remove(new Viewer(member).actor(), PostKind.TOPIC, id);
		}
		return "redirect:" + (fromList ? "/bookmarks" : ThreadLinks.thread(topic) + "#post");
	}

	@PostMapping("/threads/{id}/replies/{rid}/bookmark")
	String reply(@PathVariable long id, @PathVariable long rid, @RequestParam boolean value,
			@RequestParam(defaultValue = "false") boolean fromList, @AuthenticationPrincipal MemberPrincipal member) {
		if (value) {
			bookmarks.addReply(new Viewer(member).actor(), new ReplyId(rid));
		}
		else {
			bookmarks.remove(new Viewer(member).actor(), PostKind.REPLY, rid);
		}
		return "redirect:" + (fromList ? "/bookmarks" : links.reply(new TopicId(id), new ReplyId(rid)));
	}
}
