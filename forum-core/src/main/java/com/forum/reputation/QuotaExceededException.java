package com.forum.reputation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import com.forum.shared.RuleViolationException;

/**
 * The member used up today's quota for this kind of action. Nothing was written; the quota resets at
 * the start of the member's next day.
 */
public class QuotaExceededException extends RuleViolationException {

	private static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Quota quota;

	private final int limit;

	private final Instant resetsAt;

	private final ZoneId zone;

	QuotaExceededException(Quota quota, int limit, String level, Instant resetsAt, ZoneId zone) {
		super("quota-exceeded", "Today's quota of %d %s for %s is used up; it resets at %s (%s).".formatted(limit,
				quota.id(), level, LocalDateTime.ofInstant(resetsAt, zone).format(RESET), zone.getId()),
				new DefaultMessageSourceResolvable(new String[] { "quota." + quota.id() }, quota.id()), limit, level,
				LocalDateTime.ofInstant(resetsAt, zone).format(RESET), zone.getId());
		this.quota = quota;
		this.limit = limit;
		this.resetsAt = resetsAt;
		this.zone = zone;
	}

	public Quota quota() {
		return quota;
	}

	public int limit() {
		return limit;
	}

	/** The start of the member's next day, when the quota is whole again. */
	public Instant resetsAt() {
		return resetsAt;
	}

	public ZoneId zone() {
		return zone;
	}

	/** Whole seconds from now until the reset, at least one: what {@code Retry-After} says. */
	public long retryAfterSeconds(Instant now) {
		return Math.max(1, java.time.Duration.between(now, resetsAt).toSeconds());
	}
}
