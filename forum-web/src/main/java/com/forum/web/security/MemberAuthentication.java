package com.forum.web.security;

import com.forum.member.MemberDirectory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How members prove who they are, shared by form login and the token exchange of the API. */
@Configuration(proxyBeanMethods = false)
class MemberAuthentication {

	@Bean
	UserDetailsService userDetailsService(MemberDirectory members) {
		return username -> members.credentials(username)
			.map(MemberPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("No such member"));
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
			SignInThrottle throttle) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		return new ProviderManager(new ThrottledAuthenticationProvider(provider, throttle));
	}
}
