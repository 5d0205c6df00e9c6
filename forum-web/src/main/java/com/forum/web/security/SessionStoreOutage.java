package com.forum.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A page whose session Redis cannot give right now (Redis away, a Sentinel failover under way) is
 * answered 503 with {@code Retry-After}, in the reader's language, at once: Lettuce refuses commands
 * while it is disconnected. Serving the member as signed out instead would have the page hand them a
 * new session, whose cookie replaces theirs, and sign them out for good. Readers without a session
 * cookie never ask Redis for one and read on; the API keeps no sessions and is not concerned.
 */
class SessionStoreOutage extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionStoreOutage.class);

	static final int RETRY_AFTER_SECONDS = 5;

	private final LocaleResolver locales;

	private final MessageSource messages;

	SessionStoreOutage(LocaleResolver locales, MessageSource messages) {
		this.locales = locales;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!redisAway(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Redis cannot give the session of {} right now: answered 503: {}", request.getRequestURI(),
					ex.getMessage());
			unavailable(request, response);
		}
	}

	private static boolean redisAway(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
					|| cause instanceof RedisSystemException) {
				return true;
			}
		}
		return false;
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// outside the security filters, so the reader's language comes from their cookie or browser
		Locale locale = locales.resolveLocale(request);
		String title = HtmlUtils.htmlEscape(messages.getMessage("session.unavailable.title", null, locale));
		String detail = HtmlUtils.htmlEscape(messages.getMessage("session.unavailable.detail", null, locale));
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType("text/html;charset=UTF-8");
		response.getOutputStream().write(("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head>"
				+ "<meta charset=\"UTF-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
				+ "<title>" + title + "</title></head><body><main><h1>" + title + "</h1><p>" + detail
				+ "</p></main></body></html>").getBytes(StandardCharsets.UTF_8));
	}
}
