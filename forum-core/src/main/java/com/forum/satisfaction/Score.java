package com.forum.satisfaction;

import com.forum.shared.InvalidInputException;

/**
 * A rating on the usual five-point satisfaction scale: 1 very dissatisfied, 2 dissatisfied,
 * 3 neutral, 4 satisfied, 5 very satisfied. CSAT counts 4 and 5 as satisfied.
 */
public record Score(int value) {

	public static final int LOWEST = 1;

	public static final int HIGHEST = 5;

	/** The lowest score that counts as satisfied. */
	public static final int SATISFIED = 4;

	public Score {
		if (value < LOWEST || value > HIGHEST) {
			throw new InvalidInputException("rating", "range", "must be " + LOWEST + " to " + HIGHEST, LOWEST, HIGHEST);
		}
	}

	public boolean satisfied() {
		return value >= SATISFIED;
	}
}
