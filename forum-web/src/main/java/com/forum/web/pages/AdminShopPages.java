package com.forum.web.pages;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberProfile;
import com.forum.points.Account;
import com.forum.points.Adjustment;
import com.forum.points.CodesLoaded;
import com.forum.points.Ledger;
import com.forum.points.LedgerEntry;
import com.forum.points.PointsAdjustments;
import com.forum.points.PointsShop;
import com.forum.points.Redemption;
import com.forum.points.RedemptionState;
import com.forum.points.ShopItemChange;
import com.forum.points.ShopItemDraft;
import com.forum.points.ShopItemKind;
import com.forum.reputation.Reputation;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For admins: the points shop (items, stock, codes, the redemptions waiting to be fulfilled), the
 * audit of points adjustments, and a member's ledger with the form to adjust it.
 */
@Controller
class AdminShopPages {

	private static final int PAGE_SIZE = 20;

	private final PointsShop shop;

	private final PointsAdjustments adjustments;

	private final Ledger ledger;

	private final Reputation reputation;

	private final MemberDirectory members;

	private final PointsView view;

	AdminShopPages(PointsShop shop, PointsAdjustments adjustments, Ledger ledger, Reputation reputation,
			MemberDirectory members, PointsView view) {
		this.shop = shop;
		this.adjustments = adjustments;
		this.ledger = ledger;
		this.reputation = reputation;
		this.members = members;
		this.view = view;
	}

	@InitBinder
	void binder(WebDataBinder binder) {
		binder.setBindingErrorProcessor(PetitionForms.FRIENDLY);
	}

	// ------------------------------------------------------------------ the shop

	@GetMapping("/admin/shop")
	String shop(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal MemberPrincipal me,
			Model model) {
		model.addAttribute("itemForm", new ItemForm());
		return shopPage(page, me, model);
	}

	@PostMapping("/admin/shop/items")
	String create(@Valid @ModelAttribute("itemForm") ItemForm form, BindingResult result,
			@AuthenticationPrincipal MemberPrincipal me, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				shop.create(new Viewer(me).actor(), new ShopItemDraft(form.getTitleEn(), form.getTitleZh(),
						form.getDescriptionEn(), form.getDescriptionZh(), kind(form.getKind()), form.getPrice(),
						form.getStock(), form.getPerMemberLimit(), form.isActive()));
				redirect.addFlashAttribute("notice", new Notice("shop.admin.notice.created", form.getTitleEn()));
				return "redirect:/admin/shop";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		return failed("itemForm", Map.of("titleEn", "titleEn", "titleZh", "titleZh", "descriptionEn",
				"descriptionEn", "descriptionZh", "descriptionZh", "price", "price", "stock", "stock",
				"perMemberLimit", "perMemberLimit"), me, model);
	}

	@PostMapping("/admin/shop/items/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("changeForm") ItemChangeForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				var item = shop.update(new Viewer(me).actor(), id,
						new ShopItemChange(form.getPrice(), form.getStock(), form.isActive()));
				redirect.addFlashAttribute("notice",
						new Notice("shop.admin.notice.updated", item.title(LocaleContextHolder.getLocale())));
				return "redirect:/admin/shop#item-" + id;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		return failed("changeForm", Map.of("price", "price-" + id, "stock", "stock-" + id), me, model);
	}

	@PostMapping("/admin/shop/items/{id}/codes")
	String loadCodes(@PathVariable long id, @Valid @ModelAttribute("codesForm") CodesForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				CodesLoaded loaded = shop.loadCodes(new Viewer(me).actor(), id, form.lines());
				redirect.addFlashAttribute("notice",
						new Notice("shop.admin.notice.codes-loaded", loaded.loaded(), loaded.duplicates()));
				return "redirect:/admin/shop#item-" + id;
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		return failed("codesForm", Map.of("codes", "codes-" + id), me, model);
	}

	@PostMapping("/admin/shop/redemptions/{id}/fulfil")
	String fulfil(@PathVariable long id, @AuthenticationPrincipal MemberPrincipal me, RedirectAttributes redirect) {
		Redemption done = shop.fulfil(new Viewer(me).actor(), id);
		redirect.addFlashAttribute("notice", new Notice("shop.admin.notice.fulfilled",
				done.itemTitle(LocaleContextHolder.getLocale()),
				members.usernames(Set.of(done.member())).get(done.member())));
		return "redirect:/admin/shop#pending";
	}

	// ------------------------------------------------------------------ adjustments

	/** Every adjustment, newest first; with {@code member}, that member's ledger instead. */
	@GetMapping("/admin/points")
	String adjustments(@RequestParam(defaultValue = "") String member, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal MemberPrincipal me, Model model) {
		if (!member.isBlank()) {
			return "redirect:/admin/members/" + Pages.encode(members.profile(member.strip()).username()) + "/points";
		}
		Page<Adjustment> found = adjustments.list(new Viewer(me).actor(), null, Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "shop-admin");
		model.addAttribute("adjustments", found.getContent());
		model.addAttribute("usernames", usernames(found.getContent()));
		model.addAttribute("pager", Pager.of(Pages.number(page), found.getTotalPages(),
				n -> "/admin/points" + (n > 1 ? "?page=" + n : "")));
		return "admin/points";
	}

	@GetMapping("/admin/members/{username}/points")
	String memberPoints(@PathVariable String username, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("adjustmentForm", new AdjustmentForm());
		return memberPage(members.profile(username), page, me, model);
	}

	@PostMapping("/admin/members/{username}/points")
	String adjust(@PathVariable String username, @Valid @ModelAttribute("adjustmentForm") AdjustmentForm form,
			BindingResult result, @AuthenticationPrincipal MemberPrincipal me, Model model,
			RedirectAttributes redirect) {
		MemberProfile member = members.profile(username);
		if (!result.hasErrors()) {
			try {
				Adjustment made = adjustments.adjust(new Viewer(me).actor(), member.id(), form.getAmount(),
						form.getReason(), PointsView.requestKey(form.getToken()));
				// a repeated form (a double click) posted nothing, and the first one's notice is the one shown
				if (made.isNew()) {
					redirect.addFlashAttribute("notice", new Notice("points.admin.notice.adjusted", made.amount(),
							member.username()));
				}
				return "redirect:/admin/members/" + Pages.encode(member.username()) + "/points";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		model.addAttribute("failedForm", "adjustmentForm");
		return memberPage(member, 1, me, model);
	}

	// ------------------------------------------------------------------ the rest

	private String shopPage(int page, MemberPrincipal me, Model model) {
		Page<Redemption> pending = shop.redemptions(new Viewer(me).actor(), RedemptionState.PENDING,
				Pages.index(page), PAGE_SIZE);
		model.addAttribute("section", "shop-admin");
		model.addAttribute("items", shop.items(true));
		model.addAttribute("kinds", ShopItemKind.values());
		model.addAttribute("pending", pending.getContent());
		model.addAttribute("pendingTotal", pending.getTotalElements());
		model.addAttribute("usernames", members.usernames(pending.map(Redemption::member).toSet()));
		model.addAttribute("pager", Pager.of(Pages.number(page), pending.getTotalPages(),
				n -> "/admin/shop" + (n > 1 ? "?page=" + n : "") + "#pending"));
		return "admin/shop";
	}

	/** The shop page again, with the errors of the form that failed summed up at its top. */
	private String failed(String form, Map<String, String> ids, MemberPrincipal me, Model model) {
		if (!model.containsAttribute("itemForm")) {
			model.addAttribute("itemForm", new ItemForm());
		}
		model.addAttribute("failedForm", form);
		model.addAttribute("failedIds", new LinkedHashMap<>(ids));
		return shopPage(1, me, model);
	}

	private String memberPage(MemberProfile member, int page, MemberPrincipal me, Model model) {
		Page<LedgerEntry> history = ledger.history(member.id(), Account.POINTS, Pages.index(page), PAGE_SIZE);
		List<Adjustment> made = adjustments.list(new Viewer(me).actor(), member.id(), 0, PAGE_SIZE).getContent();
		long trust = reputation.of(member.id());
		model.addAttribute("section", "shop-admin");
		model.addAttribute("member", member);
		model.addAttribute("balance", ledger.balance(member.id(), Account.POINTS));
		model.addAttribute("reputation", trust);
		model.addAttribute("level", reputation.levelFor(trust));
		model.addAttribute("history", view.rows(history.getContent()));
		model.addAttribute("adjustments", made);
		model.addAttribute("usernames", usernames(made));
		String base = "/admin/members/" + Pages.encode(member.username()) + "/points";
		model.addAttribute("pager", Pager.of(Pages.number(page), history.getTotalPages(),
				n -> base + (n > 1 ? "?page=" + n : "") + "#history"));
		return "admin/member-points";
	}

	private Map<MemberId, String> usernames(List<Adjustment> list) {
		Set<MemberId> named = new HashSet<>();
		for (Adjustment adjustment : list) {
			named.add(adjustment.member());
			named.add(adjustment.admin());
		}
		return members.usernames(named);
	}

	private static ShopItemKind kind(String kind) {
		try {
			return ShopItemKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInputException("kind", "one-of", "must be one of coupon, merchandise",
					"coupon, merchandise");
		}
	}
}
