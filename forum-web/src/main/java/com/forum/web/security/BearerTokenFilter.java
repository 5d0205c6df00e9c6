package com.forum.web.security;

import java.io.IOException;
import java.util.Optional;

import com.forum.member.AccessTokens;
import com.forum.member.MemberProfile;
import com.forum.member.TokenBearer;
import com.forum.web.problem.ProblemType;
import com.forum.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A token that is
 * present but unknown, expired or revoked is refused outright rather than treated as anonymous, so
 * a program notices at once that its token stopped working.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	private final AccessTokens tokens;

	private final ProblemWriter problems;

	private final RateLimits limits;

	BearerTokenFilter(AccessTokens tokens, ProblemWriter problems, RateLimits limits) {
		this.tokens = tokens;
		this.problems = problems;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(PREFIX.length()).strip();
		Optional<TokenBearer> bearer = tokens.bearer(token);
		if (bearer.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			problems.write(request, response,
					ProblemType.UNAUTHORIZED.detail(problems.text(request, "problem.detail.bad-token")));
			return;
		}
		// counted once the token is known to be real, so made-up tokens cannot fill Redis with buckets
		Optional<RateLimitedException> limited = limits.apiCall(token);
		if (limited.isPresent()) {
			RateLimitedException refused = limited.get();
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
			problems.write(request, response, ProblemType.rateLimited(refused.limitName(), refused.capacity(),
					refused.period(), refused.retryAfterSeconds(),
					problems.text(request, refused.getCodes()[0], refused.getArguments())));
			return;
		}
		if (bearer.get().emailConfirmed()) {
			request.setAttribute(UnconfirmedMembers.CONFIRMED, Boolean.TRUE);
		}
		MemberProfile profile = bearer.get().member();
		MemberPrincipal principal = new MemberPrincipal(profile.id(), profile.username(), profile.role(), null,
				bearer.get().preferences());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
