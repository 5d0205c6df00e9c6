package com.forum.web.i18n;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import com.forum.member.LanguageProperties;
import com.forum.member.MemberPreferences;
import com.forum.member.MemberSettings;
import com.forum.web.security.MemberPrincipal;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * Decides the language and time zone of every response. The language: the signed-in member's choice,
 * else the one remembered in a cookie by the header's switch, else the closest the browser asks for
 * ({@code Accept-Language}), else the forum's fallback. The zone: the member's choice, else the one the
 * browser reported (a cookie set by a script), else the default of the language.
 */
public class ReaderLocaleResolver implements LocaleContextResolver {

	public static final String LANGUAGE_COOKIE = "forum_lang";

	public static final String ZONE_COOKIE = "forum_tz";

	private static final String RESOLVED = ReaderLocaleResolver.class.getName() + ".RESOLVED";

	private static final int ONE_YEAR = 365 * 24 * 3600;

	private final LanguageProperties languages;

	private final MemberSettings settings;

	public ReaderLocaleResolver(LanguageProperties languages, MemberSettings settings) {
		this.languages = languages;
		this.settings = settings;
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		// asked many times per request (every message, every date): decide once
		if (request.getAttribute(RESOLVED) instanceof LocaleContext resolved) {
			return resolved;
		}
		MemberPreferences chosen = memberPreferences();
		Locale language = chosen.language() != null ? languages.match(chosen.language()) : null;
		if (language == null) {
			language = languages.match(cookieLocale(request));
		}
		if (language == null) {
			language = fromBrowser(request);
		}
		ZoneId zone = chosen.zone() != null ? chosen.zone() : cookieZone(request);
		if (zone == null) {
			zone = languages.zoneFor(language);
		}
		LocaleContext resolved = new SimpleTimeZoneAwareLocaleContext(language, TimeZone.getTimeZone(zone));
		request.setAttribute(RESOLVED, resolved);
		return resolved;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return resolveLocaleContext(request).getLocale();
	}

	/** Remembers a language in the browser for a year; the caller saves it in the profile as well. */
	@Override
	public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
			LocaleContext localeContext) {
		Locale language = localeContext == null ? null : languages.match(localeContext.getLocale());
		if (language == null) {
			return;
		}
		ResponseCookie cookie = ResponseCookie.from(LANGUAGE_COOKIE, language.toLanguageTag())
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.maxAge(ONE_YEAR)
			.httpOnly(true)
			.sameSite("Lax")
			.secure(request.isSecure())
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		request.removeAttribute(RESOLVED);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		setLocaleContext(request, response, locale == null ? null : () -> locale);
	}

	/** The languages the browser lists, best first; the first one the forum speaks wins. */
	private Locale fromBrowser(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") != null) {
			var requested = request.getLocales();
			while (requested.hasMoreElements()) {
				Locale match = languages.match(requested.nextElement());
				if (match != null) {
					return match;
				}
			}
		}
		return languages.fallback();
	}

	private MemberPreferences memberPreferences() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof MemberPrincipal member) {
			if (member.knownPreferences() != null) {
				// read with the bearer token: an API call asks the database nothing more
				return member.knownPreferences();
			}
			try {
				return settings.preferences(member.memberId());
			}
			catch (RuntimeException ex) {
				// a page in the browser's language beats no page at all
				return MemberPreferences.NONE;
			}
		}
		return MemberPreferences.NONE;
	}

	private static Locale cookieLocale(HttpServletRequest request) {
		String value = cookie(request, LANGUAGE_COOKIE);
		return value == null ? null : Locale.forLanguageTag(value);
	}

	private static ZoneId cookieZone(HttpServletRequest request) {
		String value = cookie(request, ZONE_COOKIE);
		if (value == null || value.length() > 64) {
			return null;
		}
		try {
			return ZoneId.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		catch (DateTimeException | IllegalArgumentException ex) {
			return null; // a made-up zone is ignored, never an error
		}
	}

	private static String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
				return cookie.getValue();
			}
		}
		return null;
	}
}
