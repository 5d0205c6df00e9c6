package com.forum.petition;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.forum.board.BoardId;

/**
 * How triage went week by week, and where the open petitions are.
 *
 * @param weeks oldest first, the current week last
 * @param openByBoard open petitions per board (product area), most first
 */
public record TriageTrends(List<Week> weeks, List<BoardCount> openByBoard) {

	/**
	 * One calendar week.
	 *
	 * @param due petitions whose response deadline fell in the week, passed or met already
	 * @param answeredInTime of those, answered within the deadline
	 * @param shareAnsweredInTime answeredInTime / due, null when nothing fell due
	 * @param responses first official responses given in the week
	 * @param medianFirstResponse their median time from submission, null when none was given
	 */
	public record Week(LocalDate monday, long due, long answeredInTime, Double shareAnsweredInTime, long responses,
			Duration medianFirstResponse) {

		static Week empty(LocalDate monday) {
			return new Week(monday, 0, 0, null, 0, null);
		}
	}

	public record BoardCount(BoardId board, long count) {
	}
}
