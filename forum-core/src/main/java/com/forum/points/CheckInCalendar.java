package com.forum.points;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * A member's check-ins as their calendar shows them.
 *
 * @param today the member's day now, in their time zone
 * @param streak the streak still alive: today's if checked in, else yesterday's, else 0
 * @param daysToBonus check-ins still needed for the next streak bonus, today's included
 * @param checkedIn the days of the month with a check-in
 */
public record CheckInCalendar(LocalDate today, boolean checkedInToday, int streak, int daysToBonus, YearMonth month,
		Set<LocalDate> checkedIn) {
}
