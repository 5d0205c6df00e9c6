package com.forum.web.security;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session begun before its member signed out everywhere (or changed their password): the
 * session is dropped and the request goes on signed out, so a page that needs a sign-in asks for one.
 * A session notes when it was first seen signed in; a member's sessions are over when their account says
 * they signed out everywhere after that.
 */
public class EndedSessions extends OncePerRequestFilter {

	static final String SIGNED_IN_AT = EndedSessions.class.getName() + ".signedInAt";

	private final AccountStates accounts;

	EndedSessions(AccountStates accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
			Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
			if (signedInAt == null) {
				session.setAttribute(SIGNED_IN_AT, Instant.now());
			}
			else if (!accounts.of(member.memberId()).holds(signedInAt)) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}

	/** Marks the session of a member who just signed in (again) as begun now. */
	public static void begun(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(SIGNED_IN_AT, Instant.now());
		}
	}
}
