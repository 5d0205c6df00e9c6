package com.forum.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.forum.petition.PetitionStatus;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for the petition pages, as {@code ${@pfmt.label(p.status)}}, in the reader's language
 * and time zone: status names and colours, release dates, durations and shares, flash notices.
 */
@Component("pfmt")
public class PetitionFmt {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

	private final MessageSource messages;

	private final Fmt fmt;

	PetitionFmt(MessageSource messages, Fmt fmt) {
		this.messages = messages;
		this.fmt = fmt;
	}

	/** "Under review" or "评估中", as a badge shows it. Accepts the status or its name. */
	public String label(Object status) {
		PetitionStatus known = status(status);
		return known == null ? "" : message("petition.status." + known.name());
	}

	/** The badge class, one colour per status: {@code status-under-review}. */
	public String css(Object status) {
		PetitionStatus known = status(status);
		return "status-" + (known == null ? "" : known.name().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	/** Every status, in workflow order, for filter selects. */
	public PetitionStatus[] statuses() {
		return PetitionStatus.values();
	}

	/** A release date in the reader's zone, with the zone: "Tue 12 May 2026, 12:00 (UTC+8)". */
	public String release(Instant instant) {
		if (instant == null) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		return DateTimeFormatter.ofPattern(message("petitions.format.release"), locale).withZone(zoneId()).format(instant)
				+ " (" + fmt.zoneLabel(instant) + ")";
	}

	/** The value of a {@code datetime-local} input, in the reader's zone. */
	String releaseInput(Instant instant) {
		return instant == null ? "" : INPUT.withZone(zoneId()).format(instant);
	}

	/**
	 * What a {@code datetime-local} input sent ("2026-05-12T12:00"), read in the reader's zone.
	 * @throws DateTimeParseException if it is no such date and time
	 */
	Instant parseReleaseInput(String typed) {
		return LocalDateTime.parse(typed.strip().replace(' ', 'T')).atZone(zoneId()).toInstant();
	}

	/** The reader's zone id and offset, for the release form: "Asia/Shanghai (UTC+8)". */
	public String zone() {
		return zoneId().getId() + " (" + fmt.zoneLabel(null) + ")";
	}

	/** "3 d 4 h", "5 h 12 min", "12 min" ("3 天 4 小时" in Chinese); a dash when there is nothing to measure. */
	public String duration(Duration duration) {
		if (duration == null) {
			return "—";
		}
		if (duration.toDays() > 0) {
			return message("petitions.duration.days", duration.toDays(), duration.toHoursPart());
		}
		if (duration.toHours() > 0) {
			return message("petitions.duration.hours", duration.toHours(), duration.toMinutesPart());
		}
		return message("petitions.duration.minutes", Math.max(duration.toMinutes(), 0));
	}

	public String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	/** A bar's width as a share of the widest, for {@code style="--w: 40%"}. */
	public String width(Number count, Number max) {
		if (count == null || max == null || max.doubleValue() <= 0) {
			return "0%";
		}
		return String.format(Locale.ROOT, "%.1f%%", Math.min(100.0, 100.0 * count.doubleValue() / max.doubleValue()));
	}

	/** A flash notice in the reader's language: a message key, or a {@link Notice} with its arguments. */
	public String notice(Object notice) {
		return switch (notice) {
			case null -> "";
			case Notice withArgs -> message(withArgs.key(), withArgs.args());
			default -> message(notice.toString());
		};
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	private static ZoneId zoneId() {
		return LocaleContextHolder.getTimeZone().toZoneId();
	}

	/** A template may hold a status or its name ({@code 'SUBMITTED'}); null for anything else. */
	private static PetitionStatus status(Object status) {
		if (status instanceof PetitionStatus known) {
			return known;
		}
		for (PetitionStatus candidate : PetitionStatus.values()) {
			if (status != null && candidate.name().equalsIgnoreCase(status.toString().strip())) {
				return candidate;
			}
		}
		return null;
	}
}
