package com.forum.web.pages;

import java.util.List;

import com.forum.account.PasswordResets;
import com.forum.account.SignUps;
import com.forum.member.AccessTokens;
import com.forum.member.MemberAccounts;
import com.forum.member.MemberId;
import com.forum.member.TokenInfo;
import com.forum.shared.InvalidInputException;
import com.forum.web.security.AccountStates;
import com.forum.web.security.EndedSessions;
import com.forum.web.security.MemberPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * The pages of a member's account security: confirming the address by the mailed link (and asking for
 * a new one), forgetting and resetting the password, and, signed in, changing it, listing and revoking
 * tokens and signing out everywhere.
 */
@Controller
class AccountSecurityPages {

	private final SignUps signUps;

	private final PasswordResets resets;

	private final MemberAccounts accounts;

	private final AccessTokens tokens;

	private final AccountStates states;

	AccountSecurityPages(SignUps signUps, PasswordResets resets, MemberAccounts accounts, AccessTokens tokens,
			AccountStates states) {
		this.signUps = signUps;
		this.resets = resets;
		this.accounts = accounts;
		this.tokens = tokens;
		this.states = states;
	}

	/** The mailed link opens a page with a button: a mail scanner following the link confirms nothing. */
	@GetMapping("/account/confirm")
	String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "account/confirm";
	}

	@PostMapping("/account/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, @AuthenticationPrincipal MemberPrincipal me,
			Model model) {
		try {
			MemberId member = signUps.confirm(token);
			states.forget(member);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("token", "");
			model.addAttribute("invalid", true);
			return "account/confirm";
		}
		return me != null ? "redirect:/account/unconfirmed" : "redirect:/login?confirmed";
	}

	@GetMapping("/account/unconfirmed")
	String unconfirmed(@AuthenticationPrincipal MemberPrincipal me, @RequestParam(required = false) String sent,
			@RequestParam(required = false) String refused, Model model) {
		model.addAttribute("awaiting", accounts.awaitsConfirmation(me.memberId()));
		model.addAttribute("sent", sent != null);
		model.addAttribute("refused", refused != null);
		return "account/unconfirmed";
	}

	@PostMapping("/account/confirmation")
	String resend(@AuthenticationPrincipal MemberPrincipal me) {
		signUps.resendConfirmation(me.memberId());
		return "redirect:/account/unconfirmed?sent";
	}

	@GetMapping("/password/forgot")
	String forgotPage(@RequestParam(required = false) String sent, Model model) {
		model.addAttribute("form", new PasswordForms.Forgot());
		model.addAttribute("sent", sent != null);
		return "account/forgot";
	}

	@PostMapping("/password/forgot")
	String forgot(@Valid @ModelAttribute("form") PasswordForms.Forgot form, BindingResult result, Model model) {
		if (result.hasErrors()) {
			model.addAttribute("sent", false);
			return "account/forgot";
		}
		resets.request(form.getEmail());
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset")
	String resetPage(@RequestParam(defaultValue = "") String token, Model model) {
		PasswordForms.NewPassword form = new PasswordForms.NewPassword();
		form.setToken(token);
		model.addAttribute("form", form);
		model.addAttribute("invalid", !resets.usable(token));
		return "account/reset";
	}

	@PostMapping("/password/reset")
	String reset(@Valid @ModelAttribute("form") PasswordForms.NewPassword form, BindingResult result, Model model,
			HttpServletRequest request) {
		if (!result.hasFieldErrors("newPassword") && !form.passwordsMatch()) {
			result.rejectValue("confirmPassword", "register.confirm.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				states.forget(resets.reset(form.getToken(), form.getNewPassword()));
				// whoever is signed in in this browser is signed out with every other session
				if (request.getSession(false) != null) {
					request.getSession(false).invalidate();
				}
				SecurityContextHolder.clearContext();
				return "redirect:/login?reset";
			}
			catch (InvalidInputException ex) {
				if ("token".equals(ex.field())) {
					model.addAttribute("invalid", true);
					return "account/reset";
				}
				Forms.reject(result, ex);
			}
		}
		form.forget();
		model.addAttribute("invalid", false);
		return "account/reset";
	}

	@GetMapping("/account/security")
	String security(@AuthenticationPrincipal MemberPrincipal me, Model model) {
		model.addAttribute("form", new PasswordForms.NewPassword());
		return securityPage(me, model);
	}

	private String securityPage(MemberPrincipal me, Model model) {
		List<TokenInfo> list = tokens.list(me.memberId());
		model.addAttribute("tokens", list);
		return "account/security";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal MemberPrincipal me,
			@Valid @ModelAttribute("form") PasswordForms.NewPassword form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !form.passwordsMatch()) {
			result.rejectValue("confirmPassword", "register.confirm.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				accounts.changePassword(me.memberId(), form.getCurrentPassword(), form.getNewPassword());
				states.forget(me.memberId());
				// this session stays; every other one ended with the change
				request.changeSessionId();
				EndedSessions.begun(request);
				redirect.addFlashAttribute("notice", "account.password.changed");
				return "redirect:/account/security";
			}
			catch (InvalidInputException ex) {
				Forms.reject(result, ex);
			}
		}
		form.forget();
		return securityPage(me, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal MemberPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", tokens.revoke(me.memberId(), id) ? "account.tokens.revoked"
				: "account.tokens.gone");
		return "redirect:/account/security";
	}

	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal MemberPrincipal me, HttpServletRequest request) {
		accounts.signOutEverywhere(me.memberId());
		states.forget(me.memberId());
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/login?everywhere";
	}
}
