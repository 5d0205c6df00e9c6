package com.forum.web.pages;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.forum.member.LanguageProperties;
import com.forum.shared.MarkdownRenderer;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates, as {@code ${@fmt.ago(topic.createdAt)}}, in the reader's language and
 * time zone (see {@code ReaderLocaleResolver}). Date patterns, relative times and the units of short
 * counts come from the message bundles, so each language writes them its own way.
 */
@Component("fmt")
public class Fmt {

	private final Clock clock;

	private final MarkdownRenderer markdown;

	private final MessageSource messages;

	private final Map<String, DateTimeFormatter> patterns = new ConcurrentHashMap<>();

	private final LanguageProperties languages;

	Fmt(Clock clock, MarkdownRenderer markdown, MessageSource messages, LanguageProperties languages) {
		this.clock = clock;
		this.languages = languages;
		this.markdown = markdown;
		this.messages = messages;
	}

	/** A message made in code (a hint why a control is disabled), in the reader's language. */
	public String text(MessageSourceResolvable message) {
		return messages.getMessage(message, LocaleContextHolder.getLocale());
	}

	/** "12 May 2026" or "2026年5月12日", in the reader's zone. */
	public String date(Instant instant) {
		return format(instant, "format.date");
	}

	/** A day of a calendar, which no zone moves: "12 May 2026" or "2026年5月12日". */
	public String day(LocalDate day) {
		if (day == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		return patterns.computeIfAbsent(locale.toLanguageTag() + "|format.date",
				key -> DateTimeFormatter.ofPattern(message("format.date"), locale)).format(day);
	}

	/** "12 May 2026, 14:05" or "2026年5月12日 14:05", in the reader's zone. */
	public String dateTime(Instant instant) {
		return format(instant, "format.date-time");
	}

	/** A date and time with its zone, for deadlines and openings: "12 May 2026, 14:05 (UTC+8)". */
	public String dateTimeZone(Instant instant) {
		return instant == null ? "" : dateTime(instant) + " (" + zoneLabel(instant) + ")";
	}

	/** The reader's zone as an offset people recognise: "UTC", "UTC+8", "UTC-3:30". */
	public String zoneLabel(Instant at) {
		return offsetLabel(zone().getRules().getOffset(at == null ? clock.instant() : at));
	}

	/** An offset as people recognise it: "UTC", "UTC+8", "UTC-3:30". */
	static String offsetLabel(ZoneOffset offset) {
		if (offset.getTotalSeconds() == 0) {
			return "UTC";
		}
		int minutes = Math.abs(offset.getTotalSeconds()) / 60;
		return "UTC" + (offset.getTotalSeconds() < 0 ? "-" : "+") + minutes / 60
				+ (minutes % 60 == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes % 60));
	}

	/** The reader's time zone id, such as Asia/Shanghai. */
	public String zoneId() {
		return zone().getId();
	}

	/** The forum's languages, for the header's switch. */
	public List<Locale> languages() {
		return languages.supported();
	}

	/** For the machine-readable {@code datetime} attribute of {@code <time>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	/** "just now", "5 minutes ago", "yesterday", "3 days ago", then the date; "3 分钟前" in Chinese. */
	public String ago(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration age = Duration.between(instant, clock.instant());
		if (age.toMinutes() < 1) {
			return message("time.just-now");
		}
		if (age.toHours() < 1) {
			return message("time.minutes-ago", age.toMinutes());
		}
		if (age.toDays() < 1) {
			return message("time.hours-ago", age.toHours());
		}
		if (age.toDays() < 7) {
			return age.toDays() == 1 ? message("time.yesterday") : message("time.days-ago", age.toDays());
		}
		return date(instant);
	}

	/** A whole number with the reader's grouping: 12,345. */
	public String number(long n) {
		return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(n);
	}

	/**
	 * A short count for badges: 999, 1.2k, 35k, 1.4M in English; 9,999, 1.2万, 350万, 1.4亿 in Chinese.
	 * The units and their powers of ten come from {@code format.count.units}.
	 */
	public String count(long n) {
		String chosen = null;
		long divisor = 1;
		for (String unit : message("format.count.units").split(",")) {
			String[] parts = unit.strip().split(":");
			long power = (long) Math.pow(10, Integer.parseInt(parts[1].strip()));
			if (Math.abs(n) >= power) {
				chosen = parts[0].strip();
				divisor = power;
			}
		}
		return chosen == null ? number(n) : compact(n / (double) divisor) + chosen;
	}

	/** A post's Markdown as plain text, cut at about {@code max} characters, for lists. */
	public String excerpt(String markdownText, int max) {
		if (markdownText == null || markdownText.isEmpty()) {
			return "";
		}
		String text = markdown.toPlainText(markdownText).replaceAll("\\s+", " ").strip();
		return text.length() <= max ? text : text.substring(0, max).stripTrailing() + "…";
	}

	/** The first letter of a name, for the round avatar next to posts. */
	public String initial(String name) {
		if (name == null || name.isEmpty()) {
			return "?";
		}
		return new String(Character.toChars(name.codePointAt(0))).toUpperCase(Locale.ROOT);
	}

	/** A stable hue for a member's avatar, so members are told apart at a glance. */
	public int hue(String name) {
		return name == null ? 25 : Math.floorMod(name.hashCode(), 360);
	}

	private String format(Instant instant, String patternKey) {
		if (instant == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		DateTimeFormatter formatter = patterns.computeIfAbsent(locale.toLanguageTag() + "|" + patternKey,
				key -> DateTimeFormatter.ofPattern(message(patternKey), locale));
		return formatter.withZone(zone()).format(instant);
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static ZoneId zone() {
		return LocaleContextHolder.getTimeZone().toZoneId();
	}

	private static String compact(double value) {
		return value < 10 ? String.format(Locale.ROOT, "%.1f", value).replace(".0", "")
				: Long.toString((long) value);
	}
}
