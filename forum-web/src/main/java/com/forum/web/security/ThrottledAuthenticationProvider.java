package com.forum.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks passwords behind the {@link SignInThrottle}: refused early while the account is throttled for
 * this client, every attempt counted, a right one forgiven. Form login, the sign-in after registering and
 * the API's token exchange all authenticate here; the request (for the client address and the trusted-
 * browser cookie) is the one being served.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		ServletRequestAttributes current = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
				? servlet : null;
		HttpServletRequest request = current == null ? null : current.getRequest();
		HttpServletResponse response = current == null ? null : current.getResponse();
		SignInThrottle.Attempt attempt = throttle.begin(authentication.getName(), request);
		// a failure keeps the token the attempt took: that is how failures are counted
		Authentication result = passwords.authenticate(authentication);
		throttle.succeeded(attempt, request, response);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
