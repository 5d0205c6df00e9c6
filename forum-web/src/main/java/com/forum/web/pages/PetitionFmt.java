package com.forum.web.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.forum.petition.PetitionProperties;
import com.forum.petition.PetitionStatus;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Formatting for the petition pages, as {@code ${@pfmt.label(p.status)}}: status names and colours,
 * release dates in the release time zone, durations and shares.
 */
@Component("pfmt")
public class PetitionFmt {

	private final DateTimeFormatter releaseTime;

	private final DateTimeFormatter releaseInput;

	private final String zoneName;

	PetitionFmt(PetitionProperties properties) {
		this.releaseTime = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
			.withZone(properties.releaseZone());
		this.releaseInput = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT)
			.withZone(properties.releaseZone());
		this.zoneName = properties.releaseZone().getId();
	}

	/** "Under review", the status's own words as a badge shows them. Accepts the status or its name. */
	public String label(Object status) {
		PetitionStatus known = status(status);
		return known == null ? "" : StringUtils.capitalize(known.label());
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

	/** A release date in the release time zone: "Tue 12 May 2026, 12:00 (Asia/Shanghai)". */
	public String release(Instant instant) {
		return instant == null ? "" : releaseTime.format(instant) + " (" + zoneName + ")";
	}

	/** The value of a {@code datetime-local} input, in the release time zone. */
	String releaseInput(Instant instant) {
		return instant == null ? "" : releaseInput.format(instant);
	}

	public String zone() {
		return zoneName;
	}

	/** "3 d 4 h", "5 h 12 min", "12 min"; a dash when there is nothing to measure. */
	public String duration(Duration duration) {
		if (duration == null) {
			return "—";
		}
		if (duration.toDays() > 0) {
			return duration.toDays() + " d " + duration.toHoursPart() + " h";
		}
		if (duration.toHours() > 0) {
			return duration.toHours() + " h " + duration.toMinutesPart() + " min";
		}
		return Math.max(duration.toMinutes(), 0) + " min";
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
