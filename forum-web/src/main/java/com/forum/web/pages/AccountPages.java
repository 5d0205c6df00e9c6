package com.forum.web.pages;

import com.forum.member.MemberRegistration;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.SessionSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Signing in (Spring Security handles the POST) and signing up, which signs the newcomer in. */
@Controller
class AccountPages {

	private final MemberRegistration registration;

	private final SessionSignIn signIn;

	AccountPages(MemberRegistration registration, SessionSignIn signIn) {
		this.registration = registration;
		this.signIn = signIn;
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
	String register(@Valid @ModelAttribute("form") RegisterForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response) {
		if (!result.hasFieldErrors("password") && !form.passwordsMatch()) {
			result.rejectValue("confirmPassword", "mismatch", "The two passwords do not match.");
		}
		if (!result.hasErrors()) {
			try {
				registration.register(form.getUsername(), form.getEmail(), form.getPassword());
				return signIn.signIn(form.getUsername(), form.getPassword(), request, response) ? "redirect:/"
						: "redirect:/login?registered";
			}
			catch (InvalidInputException | RuleViolationException ex) {
				Forms.reject(result, ex);
			}
		}
		form.setPassword("");
		form.setConfirmPassword("");
		return "account/register";
	}
}
