package com.forum.trust;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.forum.shared.PermissionDeniedException;

/** The member is silenced: a 403 saying until when (in UTC, the same words in both languages' format). */
public class SilencedException extends PermissionDeniedException {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Instant until;

	public SilencedException(Instant until) {
		super("silenced", "You may not post until " + when(until) + ": your posts were refused too often.");
		this.until = until;
	}

	public Instant until() {
		return until;
	}

	/** A silence's end as refusals and notifications say it, the same in every language: 2026-12-01 05:30 UTC. */
	public static String when(Instant instant) {
		return WHEN.format(instant);
	}

	@Override
	public Object[] getArguments() {
		return new Object[] { when(until) };
	}
}
