package com.forum.web.cache;

import com.forum.discussion.DiscussionQueries;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page cache. Changes are announced whether or not this node serves kept pages, so a cluster may turn
 * the cache on node by node.
 */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	@Bean
	PageCache pageCache(StringRedisTemplate redis, LocaleResolver localeResolver, PageCacheProperties properties) {
		if (!(localeResolver instanceof LocaleContextResolver locales)) {
			throw new IllegalStateException("The page cache keys pages by time zone: it needs a LocaleContextResolver");
		}
		return new PageCache(pageVersions(redis, properties), locales, properties);
	}

	@Bean
	KeptFragments keptFragments(StringRedisTemplate redis, PageCacheProperties properties) {
		return new KeptFragments(pageVersions(redis, properties), properties);
	}

	private static PageVersions pageVersions(StringRedisTemplate redis, PageCacheProperties properties) {
		return new PageVersions(redis, properties.timeToLive().multipliedBy(2));
	}

	@Bean
	PageCacheInvalidation pageCacheInvalidation(PageCache cache, DiscussionQueries discussions) {
		return new PageCacheInvalidation(cache, discussions);
	}

	/** After Spring Security's chain (order -100), which decides who reads and writes its headers. */
	@Bean
	@ConditionalOnBooleanProperty(name = "forum.page-cache.enabled", matchIfMissing = true)
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(new PageCacheFilter(cache));
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
		return registration;
	}
}
