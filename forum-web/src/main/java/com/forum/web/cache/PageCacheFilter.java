package com.forum.web.cache;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves kept pages, and keeps the ones rendered for readers who are not signed in. Runs after Spring
 * Security, which has decided who is reading and written its headers by then.
 */
class PageCacheFilter extends OncePerRequestFilter {

	private final PageCache cache;

	PageCacheFilter(PageCache cache) {
		this.cache = cache;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!cache.applies(request)) {
			chain.doFilter(request, response);
			return;
		}
		String key = cache.key(request);
		KeptPage kept = cache.fresh(key);
		if (kept != null && kept.acceptableTo(request)) {
			kept.serve(request, response);
			return;
		}
		CachedPage page = cache.begin();
		if (page == null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(CachedPage.ATTRIBUTE, page);
		ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, rendered);
			cache.keep(key, page, rendered.getStatus(), rendered.getContentType(),
					rendered.getLocale(), rendered.getContentAsByteArray());
		}
		finally {
			rendered.copyBodyToResponse();
		}
	}
}
