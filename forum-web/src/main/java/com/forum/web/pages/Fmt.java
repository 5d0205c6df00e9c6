package com.forum.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.forum.shared.MarkdownRenderer;

import org.springframework.stereotype.Component;

/** Formatting for templates, as {@code ${@fmt.ago(topic.createdAt)}}. Times are shown in UTC. */
@Component("fmt")
public class Fmt {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	private final MarkdownRenderer markdown;

	Fmt(Clock clock, MarkdownRenderer markdown) {
		this.clock = clock;
		this.markdown = markdown;
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	/** For the machine-readable {@code datetime} attribute of {@code <time>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
	public String ago(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration age = Duration.between(instant, clock.instant());
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return age.toMinutes() + " min ago";
		}
		if (age.toDays() < 1) {
			return age.toHours() + " h ago";
		}
		if (age.toDays() < 7) {
			return age.toDays() == 1 ? "yesterday" : age.toDays() + " days ago";
		}
		return date(instant);
	}

	/** 999, 1.2k, 35k, 1.4M. */
	public String count(long n) {
		if (n < 1_000) {
			return Long.toString(n);
		}
		if (n < 1_000_000) {
			return compact(n / 1_000.0) + "k";
		}
		return compact(n / 1_000_000.0) + "M";
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

	private static String compact(double value) {
		return value < 10 ? String.format(Locale.ROOT, "%.1f", value).replace(".0", "")
				: Long.toString((long) value);
	}
}
