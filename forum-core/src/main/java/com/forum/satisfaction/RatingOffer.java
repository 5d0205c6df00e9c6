package com.forum.satisfaction;

/**
 * A rating a member may give now, with the score they gave before if any.
 *
 * @param score the member's current score, null before their first rating
 */
public record RatingOffer(SubjectKind kind, Integer score) {

	public boolean rated() {
		return score != null;
	}
}
