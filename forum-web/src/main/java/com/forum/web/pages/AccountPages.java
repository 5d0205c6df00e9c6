package com.forum.web.pages;

import java.util.Locale;

import com.forum.account.SignUps;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Signing in (Spring Security handles the POST) and signing up. Signing up answers "check your inbox"
 * whatever the address: the new member confirms it by the link mailed to them and then signs in.
 */
@Controller
class AccountPages {

	private final SignUps signUps;

	private final RateLimits limits;

	AccountPages(SignUps signUps, RateLimits limits) {
		this.signUps = signUps;
		this.limits = limits;
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal MemberPrincipal member) {
		return member != null ? "redirect:/" : "account/login";
	}

	@GetMapping("/register")
	String registerForm(@AuthenticationPrincipal MemberPrincipal member, Model model) {
		model.addAttribute("form", new RegisterForm());
		return member != null ? "redirect:/" : "account/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("form") RegisterForm form, BindingResult result, Locale language,
			HttpServletRequest request) {
		if (!result.hasFieldErrors("password") && !form.passwordsMatch()) {
			result.rejectValue("confirmPassword", "register.confirm.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				limits.registration(request);
				// the same answer whether the address is new or taken: the mail tells its owner which
				signUps.signUp(form.getUsername(), form.getEmail(), form.getPassword(), language);
				return "redirect:/register/sent";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		form.setPassword("");
		form.setConfirmPassword("");
		return "account/register";
	}

	@GetMapping("/register/sent")
	String registered() {
		return "account/check-inbox";
	}
}
