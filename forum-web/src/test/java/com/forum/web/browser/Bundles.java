package com.forum.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The application's message bundles ({@code messages/*.properties}), read the way the application
 * reads them, so a journey can expect a page's words in its language without writing them down twice.
 */
final class Bundles {

	private static final ResourceBundleMessageSource MESSAGES = load();

	private Bundles() {
	}

	/** The text of a key in a language given as "en" or "zh-CN". */
	static String text(String key, String language, Object... arguments) {
		return MESSAGES.getMessage(key, arguments, Locale.forLanguageTag(language));
	}

	private static ResourceBundleMessageSource load() {
		TreeSet<String> basenames = new TreeSet<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:messages/*.properties")) {
				String name = file.getFilename().replace(".properties", "");
				basenames.add("messages/" + (name.contains("_") ? name.substring(0, name.indexOf('_')) : name));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(basenames.toArray(String[]::new));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
