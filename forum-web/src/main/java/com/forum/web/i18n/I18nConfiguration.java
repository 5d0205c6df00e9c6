package com.forum.web.i18n;

import com.forum.member.LanguageProperties;
import com.forum.member.MemberSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** Pages, e-mails and problem details speak the reader's language; see {@link ReaderLocaleResolver}. */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration {

	/** The name is the one the dispatcher looks for, which also replaces Spring Boot's own resolver. */
	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver(LanguageProperties languages, MemberSettings settings) {
		return new ReaderLocaleResolver(languages, settings);
	}
}
