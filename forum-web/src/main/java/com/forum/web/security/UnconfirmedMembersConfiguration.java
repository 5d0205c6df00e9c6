package com.forum.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link UnconfirmedMembers} in front of every handler, pages and API alike. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UnconfirmedMembersConfiguration implements WebMvcConfigurer {

	private final UnconfirmedMembers unconfirmed;

	UnconfirmedMembersConfiguration(UnconfirmedMembers unconfirmed) {
		this.unconfirmed = unconfirmed;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(unconfirmed);
	}
}
