package com.forum.web.pages;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.CheckIn;
import com.forum.points.CheckIns;
import com.forum.points.Ledger;
import com.forum.points.LedgerEntry;
import com.forum.points.PointsProperties;
import com.forum.points.PointsShop;
import com.forum.points.Redemption;
import com.forum.reputation.Level;
import com.forum.reputation.Reputation;
import com.forum.web.security.MemberPrincipal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's points: the balance, reputation and level, the daily check-in with its calendar, the
 * history, and their redemptions of the points shop.
 */
@Controller
class PointsPages {

	private static final int PAGE_SIZE = 20;

	private final Ledger ledger;

	private final CheckIns checkIns;

	private final PointsShop shop;

	private final Reputation reputation;

	private final PointsProperties properties;

	private final PointsView view;

	PointsPages(Ledger ledger, CheckIns checkIns, PointsShop shop, Reputation reputation,
			PointsProperties properties, PointsView view) {
		this.ledger = ledger;
		this.checkIns = checkIns;
		this.shop = shop;
		this.reputation = reputation;
		this.properties = properties;
		this.view = view;
	}

	@GetMapping("/points")
	String points(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal me,
			Model model) {
		MemberId member = new Viewer(me).actor().id();
		long trust = reputation.of(member);
		Page<LedgerEntry> history = ledger.history(member, Account.POINTS, Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "points");
		model.addAttribute("balance", ledger.balance(member, Account.POINTS));
		model.addAttribute("reputation", trust);
		Level level = reputation.levelFor(trust);
		model.addAttribute("level", level);
		model.addAttribute("nextLevel", level.isTop() ? null : reputation.levelFor(level.next()));
		model.addAttribute("calendar", view.calendar(checkIns.calendar(member, null)));
		model.addAttribute("streakBonus", properties.checkIn().streakBonus());
		model.addAttribute("history", view.rows(history.getContent()));
		model.addAttribute("pager", Pager.of(Pages.number(page), history.getTotalPages(),
				n -> "/points" + (n > 1 ? "?page=" + n : "") + "#history"));
		model.addAttribute("pending", shop.pending(member));
		return "points/points";
	}

	@PostMapping("/points/check-in")
	String checkIn(@AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		CheckIn done = checkIns.checkIn(new Viewer(me).actor().id());
		redirect.addFlashAttribute("notice", done.first()
				? new Notice("points.notice.checked-in", done.points(), done.streak())
				: new Notice("points.notice.already-checked-in", done.streak()));
		return "redirect:/points";
	}

	@GetMapping("/points/redemptions")
	String redemptions(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal me,
			Model model) {
		Page<Redemption> found = shop.redemptions(new Viewer(me).actor().id(), Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "points");
		model.addAttribute("redemptions", found.getContent());
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/points/redemptions" + (n > 1 ? "?page=" + n : "")));
		return "points/redemptions";
	}

	@PostMapping("/points/redemptions/{id}/cancel")
	String cancel(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		Redemption cancelled = shop.cancel(new Viewer(me).actor().id(), id);
		redirect.addFlashAttribute("notice", new Notice("points.notice.cancelled",
				cancelled.itemTitle(LocaleContextHolder.getLocale()), cancelled.price()));
		return "redirect:/points/redemptions";
	}
}
