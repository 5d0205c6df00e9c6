package com.forum.web.security;

import java.util.List;

import com.forum.web.problem.ProblemType;
import com.forum.web.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A member who signed up but has not confirmed their address reads and signs in, but changes nothing
 * but their own account: every write (threads, replies, petitions, votes, likes, flags, check-ins,
 * reservations, ...) is refused: a 403 problem on the API, and on the pages the page that says why
 * with a button mailing a new link. Refusing every write but a
 * short list, rather than listing the writes to refuse, keeps a new write route covered.
 */
@Component
public class UnconfirmedMembers implements HandlerInterceptor {

	/** What an unconfirmed member may still change: their account, their language, their notifications. */
	private static final List<String> ALLOWED = List.of("/logout", "/language", "/settings/", "/account/",
			"/password/", "/notifications", "/api/v1/auth/", "/api/v1/members/me/password",
			"/api/v1/members/me/tokens", "/api/v1/members/me/sign-out-everywhere",
			"/api/v1/members/me/email-confirmations", "/api/v1/notifications");

	/**
	 * Set by {@link BearerTokenFilter} when the token's member had confirmed their address as the token was
	 * read: a confirmation is never undone, so their writes need no look-up of the account's state (in a
	 * flash sale, that look-up was a tenth of the processor time of every member's first attempt).
	 */
	static final String CONFIRMED = UnconfirmedMembers.class.getName() + ".CONFIRMED";

	private final AccountStates accounts;

	private final ProblemWriter problems;

	UnconfirmedMembers(AccountStates accounts, ProblemWriter problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String method = request.getMethod();
		if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof MemberPrincipal member)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (Boolean.TRUE.equals(request.getAttribute(CONFIRMED)) || ALLOWED.stream().anyMatch(path::startsWith)
				|| accounts.of(member.memberId()).emailConfirmed()) {
			return true;
		}
		String detail = problems.text(request, "problem.denied.email-unconfirmed");
		if (path.startsWith("/api/")) {
			problems.write(request, response, ProblemType.EMAIL_UNCONFIRMED.detail(detail));
			return false;
		}
		// a person is shown the page that says so and mails a new link with one click
		response.sendRedirect(request.getContextPath() + "/account/unconfirmed?refused");
		return false;
	}
}
