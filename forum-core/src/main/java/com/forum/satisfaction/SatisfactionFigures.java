package com.forum.satisfaction;

import java.time.LocalDate;
import java.util.List;

/**
 * Satisfaction (CSAT) of askers with the help on their solved questions, and of authors and voters
 * with the outcome of their petitions: overall, and by the week the ratings were last given.
 *
 * @param weeks the trend, oldest week first
 */
public record SatisfactionFigures(Csat questions, Csat petitions, List<Week> weeks) {

	/**
	 * Ratings and the share of them that are satisfied (4 or 5 of 5).
	 *
	 * @param share satisfied / ratings, null without ratings
	 */
	public record Csat(long ratings, long satisfied, Double share) {

		static final Csat NONE = new Csat(0, 0, null);

		static Csat of(long ratings, long satisfied) {
			return new Csat(ratings, satisfied, ratings == 0 ? null : (double) satisfied / ratings);
		}
	}

	public record Week(LocalDate monday, Csat questions, Csat petitions) {

		static Week empty(LocalDate monday) {
			return new Week(monday, Csat.NONE, Csat.NONE);
		}
	}
}
