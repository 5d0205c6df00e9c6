package com.forum.web.pages;

import com.forum.member.Role;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.PointsShop;
import com.forum.points.Redeemed;
import com.forum.points.ShopItem;
import com.forum.shared.RuleViolationException;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.security.MemberPrincipal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The points shop as members meet it: what is on offer, an item's page, and redeeming. Each redeem
 * form carries a token of its own, so a double click redeems once.
 */
@Controller
class ShopPages {

	private final PointsShop shop;

	private final Ledger ledger;

	private final ProblemMessages messages;

	ShopPages(PointsShop shop, Ledger ledger, ProblemMessages messages) {
		this.shop = shop;
		this.ledger = ledger;
		this.messages = messages;
	}

	@GetMapping("/shop")
	String list(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("items", shop.items(false));
		return page(me, model, "shop/list");
	}

	@GetMapping("/shop/{id}")
	String item(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, Model model) {
		ShopItem item = shop.item(id, me != null && me.role() == Role.ADMIN);
		model.addAttribute("item", item);
		model.addAttribute("limit", shop.limitFor(item));
		return page(me, model, "shop/item");
	}

	/** Redeems, or shows the item again with why not (sold out, too few points, the limit reached). */
	@PostMapping("/shop/{id}/redeem")
	String redeem(@PathVariable long id, @RequestParam(defaultValue = "") String token,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Viewer viewer = new Viewer(me);
		try {
			Redeemed redeemed = shop.redeem(viewer.actor().id(), id, PointsView.requestKey(token));
			// a repeated form (a double click) says nothing more: the first one's notice is the one shown
			if (redeemed.first()) {
				redirect.addFlashAttribute("notice", new Notice("shop.notice.redeemed",
						redeemed.redemption().itemTitle(LocaleContextHolder.getLocale()), redeemed.redemption().price()));
			}
			return "redirect:/points/redemptions";
		}
		catch (RuleViolationException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", messages.text(ex));
			return item(id, me, model);
		}
	}

	private String page(MemberPrincipal me, Model model, String template) {
		model.addAttribute("section", "shop");
		if (me != null) {
			model.addAttribute("available", ledger.balance(me.memberId(), Account.POINTS).available());
		}
		model.addAttribute("formToken", PointsView.formToken());
		return template;
	}
}
