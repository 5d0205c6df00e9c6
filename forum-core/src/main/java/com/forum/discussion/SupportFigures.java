package com.forum.discussion;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * How the community answers support questions: who solves them and how fast. A question is a live
 * thread on a support board; it is solved while a reply of it is accepted, by a member when the
 * accepted reply's author is a member or a moderator, by staff when an employee or an admin.
 *
 * @param questions questions asked, ever
 * @param solved of those, solved now
 * @param solvedByMembers of the solved, solved by a member of the community rather than by staff
 * @param shareSolvedByMembers solvedByMembers / solved, null when none is solved
 * @param medianFirstAnswer median time from asking to the first reply by someone else, null if none
 * @param medianSolution median time from asking to the accepted answer, null if none is solved
 * @param weeks the trend, oldest week first
 */
public record SupportFigures(long questions, long solved, long solvedByMembers, Double shareSolvedByMembers,
		Duration medianFirstAnswer, Duration medianSolution, List<Week> weeks) {

	/**
	 * One calendar week.
	 *
	 * @param asked questions asked in the week
	 * @param firstAnswers questions that got their first answer in the week
	 * @param medianFirstAnswer their median wait for it
	 * @param solved questions solved in the week (and solved still)
	 * @param solvedByMembers of those, by members
	 * @param shareSolvedByMembers solvedByMembers / solved, null when none was solved
	 * @param medianSolution the median time from asking to the solution of those solved in the week
	 */
	public record Week(LocalDate monday, long asked, long firstAnswers, Duration medianFirstAnswer, long solved,
			long solvedByMembers, Double shareSolvedByMembers, Duration medianSolution) {

		static Week empty(LocalDate monday) {
			return new Week(monday, 0, 0, null, 0, 0, null, null);
		}
	}
}
