package com.forum.shared;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The last few calendar weeks, Monday to Sunday, as they fall in one time zone (the reader's), for
 * figures counted by week. The current week is the last and is still running.
 *
 * @param first the Monday that starts the earliest week
 * @param count how many weeks, at least one
 */
public record WeekRange(ZoneId zone, LocalDate first, int count) {

	/** The most weeks a figure goes back: two years. */
	public static final int MAX_WEEKS = 104;

	public WeekRange {
		if (count < 1 || count > MAX_WEEKS) {
			throw new InvalidInputException("weeks", "range", "must be 1 to " + MAX_WEEKS, 1, MAX_WEEKS);
		}
		if (first.getDayOfWeek() != DayOfWeek.MONDAY) {
			throw new IllegalArgumentException("A week starts on a Monday, not on " + first);
		}
	}

	/** The {@code count} weeks up to and including the one {@code now} falls in. */
	public static WeekRange last(int count, ZoneId zone, Instant now) {
		LocalDate monday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		return new WeekRange(zone, monday.minusWeeks(Math.max(count, 1) - 1L), count);
	}

	/** The Monday of every week, oldest first. */
	public List<LocalDate> mondays() {
		return Stream.iterate(first, monday -> monday.plusWeeks(1)).limit(count).toList();
	}

	/** When the first week starts. */
	public Instant from() {
		return first.atStartOfDay(zone).toInstant();
	}

	/** When the last week ends. */
	public Instant until() {
		return first.plusWeeks(count).atStartOfDay(zone).toInstant();
	}

	/**
	 * SQL for the number of the week (1 for the first, {@link #count()} for the last) that a
	 * {@code timestamptz} expression falls in, given the {@code :weekBounds} parameter
	 * ({@link #boundsParameter()}); 0 before the first week, {@code count + 1} after the last. The
	 * bounds are instants, so any zone, daylight saving time included, buckets right.
	 */
	public static String weekNumberOf(String timestamp) {
		return "width_bucket(" + timestamp + ", cast(:weekBounds as timestamptz[]))";
	}

	/**
	 * The parameters a weekly query binds: {@code :weekBounds} for {@link #weekNumberOf}, and
	 * {@code :from} and {@code :until}, the start of the first week and the end of the last.
	 */
	public Map<String, Object> sqlParameters() {
		return Map.of("weekBounds", boundsParameter(), "from", Timestamp.from(from()), "until",
				Timestamp.from(until()));
	}

	/** The value for the {@code :weekBounds} parameter: every week's start and the last one's end. */
	public String boundsParameter() {
		return Stream.iterate(first, monday -> monday.plusWeeks(1))
			.limit(count + 1L)
			.map(monday -> monday.atStartOfDay(zone).toInstant().toString())
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * One value per week, oldest first: what a query found for the week (by its number from
	 * {@link #weekNumberOf}), else what a week with nothing in it has.
	 */
	public <T> List<T> each(Map<Integer, T> found, Function<LocalDate, T> empty) {
		return IntStream.rangeClosed(1, count)
			.mapToObj(number -> found.containsKey(number) ? found.get(number) : empty.apply(monday(number)))
			.toList();
	}

	/** The Monday of a week by its number from {@link #weekNumberOf}. */
	public LocalDate monday(int weekNumber) {
		return first.plusWeeks(weekNumber - 1L);
	}
}
