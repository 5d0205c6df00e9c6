package com.forum.web.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Pages kept in this node's memory for readers who are not signed in, each checked against
 * {@link PageVersions} in Redis before it is served: one round trip instead of a render. A page is kept
 * per address, language and time zone (dates are written in the reader's zone), and only with status 200.
 * <p>
 * While Redis cannot be reached nothing is served from memory or kept: freshness cannot be checked. A
 * change that could not be announced there is retried ({@link #retryUnannounced()}), and this node drops
 * every page it kept; another node that still reaches Redis may serve its copy until the announcement
 * gets through or {@code time-to-live} passes.
 */
public class PageCache {

	/** The response header telling whether a page came from the cache ({@code hit}) or was rendered. */
	public static final String HEADER = "X-Forum-Cache";

	private static final Logger log = LoggerFactory.getLogger(PageCache.class);

	private static final int LONGEST_ADDRESS = 1000;

	/** What a rendered page must never contain to be kept: a form's token belongs to one reader. */
	private static final byte[] CSRF_FIELD = "name=\"_csrf\"".getBytes(StandardCharsets.US_ASCII);

	private final PageVersions versions;

	private final LocaleContextResolver locales;

	private final List<PathPattern> paths;

	private final Cache<String, KeptPage> pages;

	private final Set<String> unannounced = ConcurrentHashMap.newKeySet();

	private final AtomicLong lastWarning = new AtomicLong();

	PageCache(PageVersions versions, LocaleContextResolver locales, PageCacheProperties properties) {
		this.versions = versions;
		this.locales = locales;
		this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.pages = Caffeine.newBuilder()
			.expireAfterWrite(properties.timeToLive())
			.maximumWeight(properties.maxSize().toBytes())
			.weigher((String key, KeptPage page) -> key.length() * 2 + page.body().length)
			.build();
	}

	/** Whether the request is for a page that may be kept: a plain read by nobody signed in. */
	boolean applies(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return false;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return false;
		}
		String path = request.getRequestURI();
		if (path.length() > LONGEST_ADDRESS) {
			return false;
		}
		PathContainer parsed = PathContainer.parsePath(path.substring(request.getContextPath().length()));
		return paths.stream().anyMatch(pattern -> pattern.matches(parsed));
	}

	String key(HttpServletRequest request) {
		LocaleContext reader = locales.resolveLocaleContext(request);
		String zone = reader instanceof TimeZoneAwareLocaleContext zoned && zoned.getTimeZone() != null
				? zoned.getTimeZone().getID() : "";
		String query = request.getQueryString();
		return (reader.getLocale() == null ? "" : reader.getLocale().toLanguageTag()) + ' ' + zone + ' '
				+ request.getRequestURI() + (query == null ? "" : "?" + query);
	}

	/** The kept page for {@code key} if nothing it shows changed since it was rendered; else null. */
	KeptPage fresh(String key) {
		KeptPage page = pages.getIfPresent(key);
		if (page == null) {
			return null;
		}
		try {
			if (versions.unchangedSince(page.renderedAgainst(), page.tags())) {
				return page;
			}
		}
		catch (RuntimeException ex) {
			unavailable(ex);
		}
		pages.invalidate(key);
		return null;
	}

	/** Starts rendering a page that may be kept; null while Redis cannot be reached. */
	CachedPage begin() {
		try {
			return new CachedPage(versions.now());
		}
		catch (RuntimeException ex) {
			unavailable(ex);
			return null;
		}
	}

	/** Keeps a page just rendered, if its controller allowed it and nothing it shows changed meanwhile. */
	void keep(String key, CachedPage page, int status, String contentType, Locale locale, byte[] body) {
		if (!page.keep || status != HttpServletResponse.SC_OK || contentType == null || contains(body, CSRF_FIELD)) {
			return;
		}
		List<String> tags = List.copyOf(page.tags);
		try {
			if (versions.unchangedSince(page.renderedAgainst, tags)) {
				pages.put(key, new KeptPage(body, contentType, locale, page.renderedAgainst, tags,
						page.onEveryServe));
			}
		}
		catch (RuntimeException ex) {
			unavailable(ex);
		}
	}

	/**
	 * Announces a change to every node; called once the change is committed. If Redis cannot be reached the
	 * change is retried, and this node forgets its pages at once.
	 */
	void changed(Collection<String> tags) {
		try {
			versions.changed(tags);
		}
		catch (RuntimeException ex) {
			unannounced.addAll(tags);
			pages.invalidateAll();
			unavailable(ex);
		}
	}

	/** Announces the changes Redis missed; see {@link PageCacheInvalidation}'s schedule. */
	void retryUnannounced() {
		if (unannounced.isEmpty()) {
			return;
		}
		List<String> tags = List.copyOf(unannounced);
		try {
			versions.changed(tags);
			unannounced.removeAll(tags);
		}
		catch (RuntimeException ex) {
			unavailable(ex);
		}
	}

	/** Once a minute at most: every request would log it while Redis is away. */
	private void unavailable(RuntimeException ex) {
		long now = System.nanoTime();
		long last = lastWarning.get();
		if ((last == 0 || now - last > Duration.ofMinutes(1).toNanos()) && lastWarning.compareAndSet(last, now)) {
			log.warn("Pages are rendered for every reader while Redis is unavailable: {}", ex.toString());
		}
	}

	private static boolean contains(byte[] body, byte[] part) {
		outer: for (int i = 0; i <= body.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (body[i + j] != part[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
