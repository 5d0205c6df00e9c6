package com.forum.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;

import com.forum.member.LanguageProperties;
import com.forum.petition.PetitionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Status labels, release times and notices in the reader's language and zone, from the real bundles. */
class PetitionFmtTest {

	private static final Instant RELEASE = Instant.parse("2026-05-12T04:00:00Z");

	private final ResourceBundleMessageSource messages = bundles();

	private final PetitionFmt fmt = new PetitionFmt(messages,
			new Fmt(Clock.fixed(RELEASE, ZoneOffset.UTC), null, messages, new LanguageProperties(null, null, null, null)));

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aBadgeShowsTheStatusInTheReadersLanguage() {
		reader(Locale.ENGLISH, "UTC");
		assertThat(fmt.label(PetitionStatus.UNDER_REVIEW)).isEqualTo("Under review");
		assertThat(fmt.label("SUBMITTED")).isEqualTo("Submitted");
		assertThat(fmt.css(PetitionStatus.IN_PROGRESS)).isEqualTo("status-in-progress");
		reader(Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		assertThat(fmt.label(PetitionStatus.UNDER_REVIEW)).isEqualTo("评估中");
		assertThat(fmt.label(PetitionStatus.SHIPPED)).isEqualTo("已上线");
	}

	@Test
	void everyStatusHasALabelInBothLanguages() {
		for (Locale language : new Locale[] { Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE }) {
			reader(language, "UTC");
			for (PetitionStatus status : PetitionStatus.values()) {
				assertThat(fmt.label(status)).as("%s in %s", status, language).isNotBlank();
			}
		}
	}

	@Test
	void somethingThatIsNoStatusHasNoLabel() {
		assertThat(fmt.label("nonsense")).isEmpty();
		assertThat(fmt.label(null)).isEmpty();
	}

	@Test
	void releaseTimesAreInTheReadersZoneWithTheZoneShown() {
		reader(Locale.ENGLISH, "UTC");
		assertThat(fmt.release(RELEASE)).isEqualTo("Tue 12 May 2026, 04:00 (UTC)");
		assertThat(fmt.releaseInput(RELEASE)).isEqualTo("2026-05-12T04:00");
		assertThat(fmt.parseReleaseInput("2026-05-12T04:00")).isEqualTo(RELEASE);
		reader(Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		assertThat(fmt.release(RELEASE)).isEqualTo("2026年5月12日（周二） 12:00 (UTC+8)");
		assertThat(fmt.releaseInput(RELEASE)).isEqualTo("2026-05-12T12:00");
		assertThat(fmt.parseReleaseInput("2026-05-12T12:00")).isEqualTo(RELEASE);
		assertThat(fmt.zone()).isEqualTo("Asia/Shanghai (UTC+8)");
	}

	@Test
	void durationsAndNoticesSpeakTheReadersLanguage() {
		reader(Locale.ENGLISH, "UTC");
		assertThat(fmt.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
		assertThat(fmt.notice("triage.notice.assigned")).isEqualTo("Assignment saved.");
		assertThat(fmt.notice(new Notice("triage.notice.bulk-moved", 1,
				new DefaultMessageSourceResolvable("petition.status.PLANNED")))).isEqualTo("1 petition moved to Planned.");
		assertThat(fmt.notice(new Notice("triage.notice.bulk-moved", 3,
				new DefaultMessageSourceResolvable("petition.status.PLANNED")))).isEqualTo("3 petitions moved to Planned.");
		reader(Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai");
		assertThat(fmt.duration(Duration.ofHours(76))).isEqualTo("3 天 4 小时");
		assertThat(fmt.notice(new Notice("triage.notice.bulk-moved", 3,
				new DefaultMessageSourceResolvable("petition.status.PLANNED")))).isEqualTo("已将 3 条建议改为“已排期”。");
	}

	@Test
	void votesAndPetitionsArePluralizedInEnglishAndCountedInChinese() {
		reader(Locale.ENGLISH, "UTC");
		assertThat(messages.getMessage("petitions.votes", new Object[] { 0, "0" }, Locale.ENGLISH)).isEqualTo("no votes");
		assertThat(messages.getMessage("petitions.votes", new Object[] { 1, "1" }, Locale.ENGLISH)).isEqualTo("1 vote");
		assertThat(messages.getMessage("petitions.votes", new Object[] { 1234, "1.2k" }, Locale.ENGLISH))
			.isEqualTo("1.2k votes");
		assertThat(messages.getMessage("petitions.count", new Object[] { 1, "1" }, Locale.ENGLISH)).isEqualTo("1 petition");
		assertThat(messages.getMessage("petitions.votes", new Object[] { 2, "2" }, Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("2 票");
	}

	private static void reader(Locale language, String zone) {
		LocaleContextHolder.setLocale(language);
		LocaleContextHolder.setTimeZone(TimeZone.getTimeZone(zone));
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/common", "messages/petitions", "messages/triage");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
