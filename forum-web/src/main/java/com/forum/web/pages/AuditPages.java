package com.forum.web.pages;

import java.util.List;

import com.forum.audit.AuditEntry;
import com.forum.audit.StaffAudit;
import com.forum.web.security.MemberPrincipal;

import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** For admins: the audit log of staff actions, newest first, optionally of one action. */
@Controller
class AuditPages {

	private static final int PAGE_SIZE = 50;

	private final StaffAudit audit;

	AuditPages(StaffAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) String action, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal MemberPrincipal member, Model model) {
		List<String> actions = audit.actions();
		// an unknown action in an address shows everything rather than an error
		String shown = action != null && actions.contains(action) ? action : null;
		Page<AuditEntry> entries = audit.entries(member.actor(), shown, null, Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "audit");
		model.addAttribute("action", shown);
		model.addAttribute("actions", actions);
		model.addAttribute("entries", entries);
		model.addAttribute("pager", Pager.of(Pages.number(page), entries.getTotalPages(),
				n -> "/admin/audit" + (shown == null ? "" : "?action=" + shown)
						+ (n > 1 ? (shown == null ? "?" : "&") + "page=" + n : "")));
		return "admin/audit";
	}
}
