package com.forum.web.pages;

import java.util.Locale;

import com.forum.member.MemberRegistration;
import com.forum.member.Role;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PageSignIn;
import com.forum.web.security.RateLimits;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Signing in (Spring Security handles the POST) and signing up. */
@Controller
class AccountPages {

	private final MemberRegistration registration;

	private final PageSignIn signIn;

	private final RateLimits limits;

	AccountPages(MemberRegistration registration, PageSignIn signIn, RateLimits limits) {
		this.registration = registration;
		this.signIn = signIn;
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
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("password") && !form.passwordsMatch()) {
			result.rejectValue("confirmPassword", "register.confirm.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				limits.registration(request);
				registration.register(form.getUsername(), form.getEmail(), form.getPassword(), Role.MEMBER, language);
				signIn.signIn(form.getUsername(), form.getPassword(), request, response);
				redirect.addFlashAttribute("welcome", form.getUsername());
				return "redirect:/";
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
