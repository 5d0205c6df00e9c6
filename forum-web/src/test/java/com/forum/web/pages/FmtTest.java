package com.forum.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;

import com.forum.member.LanguageProperties;
import com.forum.shared.MarkdownRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates, relative times and counts in the reader's language and zone, from the real bundles. */
class FmtTest {

	private static final Instant NOW = Instant.parse("2026-05-12T04:05:00Z");

	private final Fmt fmt = new Fmt(Clock.fixed(NOW, ZoneOffset.UTC), null, bundles(),
			new LanguageProperties(null, null, null, null));

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void relativeTimesInEnglishUseTheRightPlural() {
		reader(Locale.ENGLISH, "UTC");
		assertThat(fmt.ago(NOW.minusSeconds(20))).isEqualTo("just now");
		assertThat(fmt.ago(NOW.minus(Duration.ofMinutes(1)))).isEqualTo("1 minute ago");
		assertThat(fmt.ago(NOW.minus(Duration.ofMinutes(3)))).isEqualTo("3 minutes ago");
		assertThat(fmt.ago(NOW.minus(Duration.ofHours(1)))).isEqualTo("1 hour ago");
		assertThat(fmt.ago(NOW.minus(Duration.ofDays(1)))).isEqualTo("yesterday");
		assertThat(fmt.ago(NOW.minus(Duration.ofDays(3)))).isEqualTo("3 days ago");
		assertThat(fmt.ago(NOW.minus(Duration.ofDays(30)))).isEqualTo("12 Apr 2026");
	}

	@Test
	void relativeTimesInChinese() {
		reader(Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		assertThat(fmt.ago(NOW.minusSeconds(20))).isEqualTo("刚刚");
		assertThat(fmt.ago(NOW.minus(Duration.ofMinutes(3)))).isEqualTo("3 分钟前");
		assertThat(fmt.ago(NOW.minus(Duration.ofHours(5)))).isEqualTo("5 小时前");
		assertThat(fmt.ago(NOW.minus(Duration.ofDays(1)))).isEqualTo("昨天");
		assertThat(fmt.ago(NOW.minus(Duration.ofDays(30)))).isEqualTo("2026年4月12日");
	}

	@Test
	void timesAreShownInTheReadersZoneWithTheZoneWhereItMatters() {
		reader(Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		assertThat(fmt.dateTime(NOW)).isEqualTo("2026年5月12日 12:05");
		assertThat(fmt.dateTimeZone(NOW)).isEqualTo("2026年5月12日 12:05 (UTC+8)");
		reader(Locale.ENGLISH, "America/St_Johns");
		assertThat(fmt.dateTimeZone(NOW)).isEqualTo("12 May 2026, 01:35 (UTC-2:30)");
		reader(Locale.ENGLISH, "UTC");
		assertThat(fmt.dateTimeZone(NOW)).isEqualTo("12 May 2026, 04:05 (UTC)");
	}

	@Test
	void countsUseEachLanguagesUnits() {
		reader(Locale.ENGLISH, "UTC");
		assertThat(fmt.count(999)).isEqualTo("999");
		assertThat(fmt.count(1_234)).isEqualTo("1.2k");
		assertThat(fmt.count(35_000)).isEqualTo("35k");
		assertThat(fmt.count(1_400_000)).isEqualTo("1.4M");
		assertThat(fmt.number(12_345)).isEqualTo("12,345");
		reader(Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		assertThat(fmt.count(9_999)).isEqualTo("9,999");
		assertThat(fmt.count(12_000)).isEqualTo("1.2万");
		assertThat(fmt.count(3_500_000)).isEqualTo("350万");
		assertThat(fmt.count(140_000_000)).isEqualTo("1.4亿");
	}

	private static void reader(Locale language, String zone) {
		LocaleContextHolder.setLocale(language);
		LocaleContextHolder.setTimeZone(TimeZone.getTimeZone(zone));
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/common");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
