package com.forum.web.security;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.forum.launch.Reservations;
import com.forum.shared.RuleViolationException;
import com.forum.web.problem.ProblemType;
import com.forum.web.problem.ProblemWriter;

/**
 * Answers a signed-in member's retry at a launch that told them "sold out" a moment ago
 * ({@link Reservations#toldSoldOutLately}) with the same 409, right after their token is checked. Once a
 * flash sale sells out, such retries are nearly all its traffic, and each would otherwise cost the
 * whole request (authorization rules, handler mapping, a Redis round trip, exception resolution) to
 * hear the same answer. The problem detail is the one {@code ApiProblems} writes for the refusal.
 */
class SoldOutRetries extends OncePerRequestFilter {

	private static final Pattern RESERVATION = Pattern.compile("/api/v1/launches/([0-9]{1,18})/reservations");

	private final Reservations reservations;

	private final ProblemWriter problems;

	SoldOutRetries(Reservations reservations, ProblemWriter problems) {
		this.reservations = reservations;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/reservations");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher launch = RESERVATION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (launch.matches() && signedIn != null && signedIn.getPrincipal() instanceof MemberPrincipal member
				&& reservations.toldSoldOutLately(member.memberId(), Long.parseLong(launch.group(1)))) {
			RuleViolationException soldOut = Reservations.soldOut();
			problems.write(request, response, ProblemType.ruleViolation(soldOut.code(), problems.text(request, soldOut)));
			return;
		}
		chain.doFilter(request, response);
	}
}
