package com.forum.web.cache;

import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parts of pages that many readers share while the page around them is each reader's own: a reply as
 * every member sees it who neither wrote nor liked nor bookmarked it, in one language and time zone. The
 * caller names a part by all it depends on from its reader (its key); what it shows of the forum is
 * checked like a kept page's ({@link PageVersions}): a part is used while none of the page's tags changed
 * since the number read before the part was rendered, and for at most the page cache's time to live.
 * <p>
 * A part must hold nothing secret to one reader: a form's token is swapped for a placeholder by the caller
 * before it is kept, and back for the reader's own when it is used.
 */
public class KeptFragments {

	private static final Logger log = LoggerFactory.getLogger(KeptFragments.class);

	private final PageVersions versions;

	private final boolean enabled;

	private final Cache<String, Fragment> fragments;

	KeptFragments(PageVersions versions, PageCacheProperties properties) {
		this.versions = versions;
		this.enabled = properties.enabled();
		this.fragments = Caffeine.newBuilder()
			.expireAfterWrite(properties.timeToLive())
			.maximumWeight(properties.maxSize().toBytes() / 2)
			.weigher((String key, Fragment fragment) -> (key.length() + fragment.html().length()) * 2)
			.build();
	}

	/**
	 * Starts reading a page whose parts may be kept: call it before reading anything the page shows. A
	 * reading that uses and keeps nothing when the cache is off or Redis cannot be reached.
	 */
	public Reading begin() {
		if (!enabled) {
			return new Reading(null);
		}
		try {
			return new Reading(versions.now());
		}
		catch (RuntimeException ex) {
			log.debug("Page parts are rendered for every reader while Redis is unavailable: {}", ex.toString());
			return new Reading(null);
		}
	}

	private record Fragment(String html, String epoch, long sequence) {
	}

	/** One page's use of the kept parts. */
	public final class Reading {

		private final PageVersions.Snapshot renderedAgainst;

		private long lastChange = -1;

		private Reading(PageVersions.Snapshot renderedAgainst) {
			this.renderedAgainst = renderedAgainst;
		}

		/**
		 * Says what the page shows (its {@link PageTags}), once it has read it: one round trip to Redis that
		 * decides which kept parts are still fresh and whether the parts rendered now may be kept.
		 */
		public void shows(Collection<String> tags) {
			if (renderedAgainst == null) {
				return;
			}
			try {
				lastChange = versions.lastChange(renderedAgainst.epoch(), List.copyOf(tags));
			}
			catch (RuntimeException ex) {
				log.debug("Page parts are rendered for every reader while Redis is unavailable: {}", ex.toString());
				lastChange = -1;
			}
		}

		/** The part kept under {@code key} if nothing the page shows changed since it was rendered; else null. */
		public String kept(String key) {
			if (lastChange < 0) {
				return null;
			}
			Fragment fragment = fragments.getIfPresent(key);
			if (fragment == null) {
				return null;
			}
			if (fragment.epoch().equals(renderedAgainst.epoch()) && fragment.sequence() >= lastChange) {
				return fragment.html();
			}
			fragments.invalidate(key);
			return null;
		}

		/** Keeps a part rendered from what this page read, unless something it shows changed meanwhile. */
		public void keep(String key, String html) {
			if (lastChange >= 0 && lastChange <= renderedAgainst.sequence()) {
				fragments.put(key, new Fragment(html, renderedAgainst.epoch(), renderedAgainst.sequence()));
			}
		}
	}
}
