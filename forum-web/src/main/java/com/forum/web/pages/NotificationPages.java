package com.forum.web.pages;

import java.util.regex.Pattern;

import com.forum.notification.Notification;
import com.forum.notification.Notifications;
import com.forum.web.security.MemberPrincipal;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in member's notifications: newest first, opened one by one or all marked read at once. */
@Controller
class NotificationPages {

	private static final int PAGE_SIZE = 20;

	/** Only addresses on this site, so a crafted form cannot send the member elsewhere. */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_\\-.~%?=&#]*");

	private final Notifications notifications;

	NotificationPages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		Viewer viewer = new Viewer(member);
		viewer.actor();
		Page<Notification> found = notifications.list(member.memberId(), false, Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "notifications");
		model.addAttribute("notifications", found);
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/notifications" + (n > 1 ? "?page=" + n : "")));
		return "notifications/list";
	}

	/** Marks one read and opens what it is about. */
	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable long id, @RequestParam(defaultValue = "") String next,
			@AuthenticationPrincipal MemberPrincipal member) {
		new Viewer(member).actor();
		notifications.markRead(member.memberId(), id);
		return "redirect:" + (isLocal(next) ? next : "/notifications");
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal MemberPrincipal member, RedirectAttributes redirect) {
		new Viewer(member).actor();
		int marked = notifications.markAllRead(member.memberId());
		redirect.addFlashAttribute("notice", marked == 0 ? "inbox.notice.nothing-new" : "inbox.notice.all-read");
		return "redirect:/notifications";
	}

	static boolean isLocal(String path) {
		return path != null && path.length() <= 300 && LOCAL_PATH.matcher(path).matches();
	}
}
