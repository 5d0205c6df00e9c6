package com.forum.web.pages;

import java.util.Locale;

import com.forum.member.LanguageProperties;
import com.forum.member.MemberSettings;
import com.forum.shared.InvalidInputException;
import com.forum.web.security.MemberPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

/** The header's language switch: remembered in the browser, and in the profile of a signed-in member. */
@Controller
class LanguagePages {

	private final LanguageProperties languages;

	private final MemberSettings settings;

	private final LocaleResolver locales;

	LanguagePages(LanguageProperties languages, MemberSettings settings, LocaleResolver locales) {
		this.languages = languages;
		this.settings = settings;
		this.locales = locales;
	}

	@PostMapping("/language")
	RedirectView switchLanguage(@RequestParam("lang") String tag, @RequestParam(name = "next", required = false) String next,
			@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request, HttpServletResponse response) {
		Locale language = language(tag);
		if (member != null) {
			settings.changeLanguage(member.memberId(), language);
		}
		locales.setLocale(request, response, language);
		return back(next);
	}

	/**
	 * A visitor's switch: only the browser remembers it, so it needs no form token, and the pages visitors
	 * read stay free of one (they are kept and served to every visitor). A member's choice is saved to their
	 * profile, which takes the posted form; a link here changes nothing for them.
	 */
	@GetMapping("/language")
	RedirectView switchVisitorLanguage(@RequestParam("lang") String tag,
			@RequestParam(name = "next", required = false) String next, @AuthenticationPrincipal MemberPrincipal member,
			HttpServletRequest request, HttpServletResponse response) {
		Locale language = language(tag);
		if (member == null) {
			locales.setLocale(request, response, language);
		}
		return back(next);
	}

	private Locale language(String tag) {
		Locale language = languages.match(Locale.forLanguageTag(tag));
		if (language == null) {
			throw new InvalidInputException("lang", "one-of", "must be one of " + languages.supported(),
					languages.supported().toString());
		}
		return language;
	}

	private static RedirectView back(String next) {
		RedirectView back = new RedirectView(localPath(next), true);
		back.setExpandUriTemplateVariables(false); // braces in the address are text, not placeholders
		back.setPropagateQueryParams(false);
		return back;
	}

	/** Back to the page the switch was on, but never off the site: an open redirect would serve phishing. */
	static String localPath(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
				|| next.chars().anyMatch(c -> c < 0x20) || next.length() > 2000) {
			return "/";
		}
		return next;
	}
}
