package com.forum.web.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/**
 * Method security for the handlers that need a privilege ({@link RequiresPrivilege}); the address
 * rules in {@link SecurityConfiguration} still decide who must be signed in.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration {

	/** Lets {@link RequiresPrivilege} fill its privilege into the expression of its {@code @PreAuthorize}. */
	@Bean
	static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
		return new AnnotationTemplateExpressionDefaults();
	}
}
