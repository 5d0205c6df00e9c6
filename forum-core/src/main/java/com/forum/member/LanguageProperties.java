package com.forum.member;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The languages the forum speaks, and the time zone each implies until a member picks their own.
 *
 * @param supported the languages with complete message bundles, as BCP 47 tags
 * @param fallback the language for readers whose browser asks for none of them, and for e-mails to
 * members who never chose
 * @param zones the time zone shown to readers of a language who have not chosen one, keyed by tag
 * @param fallbackZone the zone for a language without an entry in {@code zones}
 */
@Validated
@ConfigurationProperties("forum.languages")
public record LanguageProperties(@NotEmpty List<Locale> supported, Locale fallback, Map<String, ZoneId> zones,
		ZoneId fallbackZone) {

	public LanguageProperties {
		supported = supported == null ? List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH) : List.copyOf(supported);
		fallback = fallback == null ? Locale.ENGLISH : fallback;
		zones = zones == null ? Map.of("zh-CN", ZoneId.of("Asia/Shanghai")) : Map.copyOf(zones);
		fallbackZone = fallbackZone == null ? ZoneId.of("UTC") : fallbackZone;
	}

	@AssertTrue(message = "must be one of the supported languages")
	boolean isFallbackSupported() {
		return supported.contains(fallback);
	}

	/**
	 * The supported language closest to a requested one: the same tag, else the same language (any
	 * Chinese reads Simplified Chinese, any English reads English), else null.
	 */
	public Locale match(Locale requested) {
		if (requested == null) {
			return null;
		}
		for (Locale candidate : supported) {
			if (candidate.toLanguageTag().equalsIgnoreCase(requested.toLanguageTag())) {
				return candidate;
			}
		}
		for (Locale candidate : supported) {
			if (candidate.getLanguage().equals(requested.getLanguage())) {
				return candidate;
			}
		}
		return null;
	}

	/** The zone shown to a reader of this language who has not chosen one. */
	public ZoneId zoneFor(Locale language) {
		return language == null ? fallbackZone : zones.getOrDefault(language.toLanguageTag(), fallbackZone);
	}
}
