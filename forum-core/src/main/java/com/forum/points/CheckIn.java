package com.forum.points;

import java.time.LocalDate;

/**
 * A check-in (签到) and what it earned.
 *
 * @param first whether this call checked in; false when the member had already checked in that day
 * @param streak days in a row, this one included
 * @param points points the check-in earned, the streak bonus included
 */
public record CheckIn(LocalDate day, int streak, int points, boolean first) {
}
