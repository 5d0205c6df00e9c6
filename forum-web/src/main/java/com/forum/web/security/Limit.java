package com.forum.web.security;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * A rate limit as configuration writes it, "10 per 1h": at most {@code capacity} at once, given back evenly
 * over {@code period} (one every period / capacity), so a burst is stopped and steady use is not.
 */
public record Limit(int capacity, Duration period) {

	private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s+per\\s+(\\S+)\\s*");

	public Limit {
		if (capacity < 1) {
			throw new IllegalArgumentException("a limit needs a capacity of at least 1, not " + capacity);
		}
		if (period == null || period.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("a limit needs a period of at least 1s, not " + period);
		}
	}

	/** Reads "10 per 1h" (Spring's converters find this method for configuration values). */
	public static Limit valueOf(String text) {
		Matcher matcher = TEXT.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("a limit reads like \"10 per 1h\", not \"" + text + "\"");
		}
		return new Limit(Integer.parseInt(matcher.group(1)), DurationStyle.detectAndParse(matcher.group(2)));
	}

	@Override
	public String toString() {
		return capacity + " per " + DurationStyle.SIMPLE.print(period);
	}
}
