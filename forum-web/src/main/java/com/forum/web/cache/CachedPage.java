package com.forum.web.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a controller lets the page it renders be kept for readers who are not signed in. Without a call to
 * {@link #dependsOn} nothing is kept: a page is kept only when it says what would make it stale. Both
 * calls do nothing for a signed-in member or an address outside {@code forum.page-cache.paths}.
 */
public final class CachedPage {

	static final String ATTRIBUTE = CachedPage.class.getName();

	final PageVersions.Snapshot renderedAgainst;

	final Set<String> tags = new LinkedHashSet<>();

	boolean keep;

	Consumer<HttpServletRequest> onEveryServe = request -> {
	};

	CachedPage(PageVersions.Snapshot renderedAgainst) {
		this.renderedAgainst = renderedAgainst;
	}

	/** The page may be kept until something tagged with one of {@code tags} changes ({@link PageTags}). */
	public static void dependsOn(HttpServletRequest request, Collection<String> tags) {
		if (request.getAttribute(ATTRIBUTE) instanceof CachedPage page) {
			page.keep = true;
			page.tags.addAll(tags);
		}
	}

	/**
	 * What must still happen each time the kept page is served, as it happens now while it is rendered
	 * (counting a view). Runs before the page is written, so it may set headers.
	 */
	public static void onEveryServe(HttpServletRequest request, Consumer<HttpServletRequest> action) {
		if (request.getAttribute(ATTRIBUTE) instanceof CachedPage page) {
			page.onEveryServe = action;
		}
	}
}
