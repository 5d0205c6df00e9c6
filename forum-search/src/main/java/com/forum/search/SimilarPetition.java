package com.forum.search;

import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;

/**
 * An existing petition that looks like the one being written.
 *
 * @param votes backers as of the petition's last submission or status change
 * @param score title similarity in [0, 1], see {@link com.forum.petition.TitleSimilarity}
 */
public record SimilarPetition(PetitionId petitionId, String title, PetitionStatus status, int votes, double score) {
}
