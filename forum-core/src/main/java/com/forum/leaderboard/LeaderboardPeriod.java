package com.forum.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The span a leaderboard covers. Weeks start on Monday and months on the 1st, at midnight in the
 * forum's zone, whatever zone a member reads in: everyone is ranked on the same calendar.
 */
public enum LeaderboardPeriod {

	WEEK, MONTH, ALL_TIME;

	/** The first instant no entry can reach: the end of an all-time board. */
	private static final Instant END_OF_TIME = LocalDate.of(9999, 1, 1).atStartOfDay(ZoneId.of("UTC")).toInstant();

	/** The window of this period that holds the instant. */
	public Window windowAt(Instant at, ZoneId zone) {
		LocalDate day = LocalDate.ofInstant(at, zone);
		return switch (this) {
			case WEEK -> {
				LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				yield new Window(this, monday.toString(), monday, monday.atStartOfDay(zone).toInstant(),
						monday.plusWeeks(1).atStartOfDay(zone).toInstant());
			}
			case MONTH -> {
				YearMonth month = YearMonth.from(day);
				yield new Window(this, month.toString(), month.atDay(1), month.atDay(1).atStartOfDay(zone).toInstant(),
						month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
			}
			case ALL_TIME -> new Window(this, "all", null, Instant.EPOCH, END_OF_TIME);
		};
	}

	/**
	 * One week, one month, or all time.
	 *
	 * @param key names the window among the period's others ({@code 2026-05-11}, the Monday; {@code 2026-05})
	 * @param firstDay the window's first day on the forum's calendar; null for all time
	 * @param from the first instant in it
	 * @param to the first instant after it
	 */
	public record Window(LeaderboardPeriod period, String key, LocalDate firstDay, Instant from, Instant to) {

		public boolean isAllTime() {
			return period == ALL_TIME;
		}
	}
}
