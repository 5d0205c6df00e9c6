package com.forum.satisfaction;

import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.petition.PetitionId;
import com.forum.shared.DomainEvent;

/**
 * A member rated a solved question or a decided petition, for the first time or again.
 *
 * @param previousScore the score it replaced, null for a first rating
 */
public record SatisfactionRated(SubjectKind kind, long subjectId, MemberId raterId, int score, Integer previousScore)
		implements DomainEvent {

	/** The question rated, or null when a petition was. */
	public TopicId topicId() {
		return kind == SubjectKind.QUESTION ? new TopicId(subjectId) : null;
	}

	/** The petition rated, or null when a question was. */
	public PetitionId petitionId() {
		return kind == SubjectKind.PETITION ? new PetitionId(subjectId) : null;
	}
}
