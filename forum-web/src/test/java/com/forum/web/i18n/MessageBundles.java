package com.forum.web.i18n;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message bundle on the classpath ({@code messages/*.properties} of forum-core and forum-web),
 * read as UTF-8: base name to language ("en" for the base file, "zh-CN" for {@code _zh_CN}) to keys.
 */
final class MessageBundles {

	static final String ENGLISH = "en";

	private MessageBundles() {
	}

	static Map<String, Map<String, Properties>> all() {
		Map<String, Map<String, Properties>> bundles = new TreeMap<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:messages/*.properties")) {
				String name = file.getFilename().replace(".properties", "");
				int underscore = name.indexOf('_');
				String base = underscore < 0 ? name : name.substring(0, underscore);
				String language = underscore < 0 ? ENGLISH : name.substring(underscore + 1).replace('_', '-');
				bundles.computeIfAbsent(base, b -> new TreeMap<>()).put(language, read(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bundles;
	}

	/** Every English key of every bundle, with its text. */
	static Map<String, String> english() {
		Map<String, String> keys = new TreeMap<>();
		all().values().forEach(languages -> languages.getOrDefault(ENGLISH, new Properties())
			.forEach((key, value) -> keys.put((String) key, (String) value)));
		return keys;
	}

	private static Properties read(Resource file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
