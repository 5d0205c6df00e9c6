package com.forum.web.assets;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Serves {@code /css/**} and {@code /js/**} from {@code classpath:/static/}, under URLs carrying a hash of
 * their content ({@code /css/forum-1b2c….css}, written into pages by the {@code ResourceUrlEncodingFilter}
 * for every {@code @{/css/…}} link), with the long cache lifetime of
 * {@code spring.web.resources.cache.cachecontrol}: a changed file gets a new URL, so browsers never keep a
 * stale one.
 * <p>
 * Spring Boot's own static mapping ({@code /**}, turned off by {@code spring.web.resources.add-mappings:
 * false}) is not used because, with the resource chain on, the encoding filter resolves every link of
 * every page against the handlers whose pattern matches it: under {@code /**} that is every link, and
 * each one not a file cost a lookup on the classpath, where rendering threads queued on the class
 * loader's lock. Under these two patterns only the style sheet and script links are looked up, and their
 * resolution is cached.
 */
@Configuration(proxyBeanMethods = false)
// the one-shot commands (./forum reindex, check-ledger, check-launches) start without a web server, and
// without Spring MVC's configuration, which registers the WebProperties this needs
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StaticAssetsConfiguration implements WebMvcConfigurer {

	/** The folders under {@code classpath:/static/}, each served under the same path. */
	static final List<String> FOLDERS = List.of("css", "js");

	private final WebProperties.Resources resources;

	StaticAssetsConfiguration(WebProperties web) {
		this.resources = web.getResources();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl cacheControl = resources.getCache().getCachecontrol().toHttpCacheControl();
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(cacheControl)
				.resourceChain(resources.getChain().isCache())
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
	}
}
