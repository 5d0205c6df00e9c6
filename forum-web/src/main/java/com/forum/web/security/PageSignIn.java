package com.forum.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a member in from a page other than the sign-in form (right after they registered), exactly as
 * the form would: the same authentication (throttle included), a new session id and a new CSRF token
 * against fixation, and the context saved in the session.
 */
@Component
public class PageSignIn {

	private final AuthenticationManager authentication;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/** The pages keep their CSRF tokens in the session (Spring Security's default repository). */
	private final CsrfAuthenticationStrategy csrf = new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository());

	PageSignIn(AuthenticationManager authentication) {
		this.authentication = authentication;
	}

	public void signIn(String username, String password, HttpServletRequest request, HttpServletResponse response) {
		Authentication member = authentication
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		csrf.onAuthentication(member, request, response);
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(member);
		holder.setContext(context);
		contexts.saveContext(context, request, response);
		EndedSessions.begun(request);
	}
}
