package com.forum.web.pages;

import java.util.ArrayList;
import java.util.List;

import com.forum.reputation.DailyQuotas;
import com.forum.reputation.Level;
import com.forum.reputation.Privileges;
import com.forum.reputation.QuotaProperties;
import com.forum.reputation.QuotaProperties.DailyQuota;
import com.forum.reputation.Reputation;
import com.forum.web.security.MemberPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What reputation unlocks and how much a day each level may do; for a signed-in member, where they
 * stand and what they did today. Every hint beside a control a member cannot use links here.
 */
@Controller
class PrivilegePages {

	private final Privileges privileges;

	private final QuotaProperties quotas;

	private final DailyQuotas daily;

	private final Reputation reputation;

	PrivilegePages(Privileges privileges, QuotaProperties quotas, DailyQuotas daily, Reputation reputation) {
		this.privileges = privileges;
		this.quotas = quotas;
		this.daily = daily;
		this.reputation = reputation;
	}

	@GetMapping("/privileges")
	String privileges(@AuthenticationPrincipal MemberPrincipal member, Model model) {
		model.addAttribute("ladder", privileges.ladder());
		model.addAttribute("quotas", lines(quotas.daily()));
		if (member != null) {
			model.addAttribute("level", reputation.level(member.memberId()));
			model.addAttribute("today", daily.today(member.memberId()));
		}
		return "members/privileges";
	}

	/** The quota lines with the levels each holds for: "Lv1", "Lv2"; the last holds from its level up. */
	private static List<QuotaLine> lines(List<DailyQuota> daily) {
		List<QuotaLine> lines = new ArrayList<>();
		for (int i = 0; i < daily.size(); i++) {
			DailyQuota line = daily.get(i);
			lines.add(new QuotaLine(label(line.fromLevel()),
					i + 1 < daily.size() ? label(daily.get(i + 1).fromLevel() - 1) : null, line));
		}
		return lines;
	}

	private static String label(int level) {
		return new Level(level, 0, null).label();
	}

	/** A line of the quota table: the levels it holds for (to is null for "and up") and its quotas. */
	public record QuotaLine(String from, String to, DailyQuota limits) {
	}
}
