package com.forum.web.problem;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Problem titles and details, and the domain's refusals, in the reader's language. Inside a
 * controller the language is the request's; filters, which run before it is known, ask with the
 * request.
 */
@Component
public class ProblemMessages {

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemMessages(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	/** The language of a request that no controller has handled yet. */
	public Locale locale(HttpServletRequest request) {
		return locales.resolveLocale(request);
	}

	/** A refusal of the domain (its exceptions resolve themselves) or any other resolvable message. */
	public String text(MessageSourceResolvable message) {
		return text(LocaleContextHolder.getLocale(), message);
	}

	public String text(Locale locale, MessageSourceResolvable message) {
		return messages.getMessage(message, locale);
	}

	public String text(String key, Object... arguments) {
		return text(LocaleContextHolder.getLocale(), key, arguments);
	}

	public String text(Locale locale, String key, Object... arguments) {
		return messages.getMessage(new DefaultMessageSourceResolvable(new String[] { key }, arguments), locale);
	}

	/** A problem of a type, with its title and a detail from the bundles in the current language. */
	public ProblemDetail problem(ProblemType type, String detailKey, Object... arguments) {
		return problem(LocaleContextHolder.getLocale(), type, detailKey, arguments);
	}

	public ProblemDetail problem(Locale locale, ProblemType type, String detailKey, Object... arguments) {
		return titled(type.detail(text(locale, detailKey, arguments)), locale);
	}

	/** Gives a problem the title of its type in the language; the type itself stays as it is. */
	public ProblemDetail titled(ProblemDetail problem, Locale locale) {
		String type = problem.getType().getPath();
		String key = type.startsWith(ProblemType.RULES_PREFIX) ? "problem.type.rule"
				: "problem.type." + type.substring(type.lastIndexOf('/') + 1);
		problem.setTitle(messages.getMessage(key, null, problem.getTitle(), locale));
		return problem;
	}

	public ProblemDetail titled(ProblemDetail problem) {
		return titled(problem, LocaleContextHolder.getLocale());
	}
}
