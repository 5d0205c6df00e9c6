package com.forum.web.security;

import java.time.Duration;

import com.forum.member.NameFolding;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/** Checks passwords, refusing early while the account is throttled and counting every failure. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		// counted per account, however its name is spelled (İ, full-width letters, case)
		String username = NameFolding.fold(authentication.getName());
		Duration wait = throttle.waitBeforeNextAttempt(username);
		if (!wait.isZero()) {
			throw new LoginThrottledException(wait);
		}
		try {
			Authentication result = passwords.authenticate(authentication);
			throttle.succeeded(username);
			return result;
		}
		catch (BadCredentialsException ex) {
			throttle.failed(username);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
