package com.forum.search;

import com.forum.discussion.TopicId;
import com.forum.petition.PetitionId;

/**
 * A title completing what is being typed into a search box.
 *
 * @param topicId the thread, for {@link SearchType#THREAD}
 * @param petitionId the petition, for {@link SearchType#PETITION}
 */
public record TitleSuggestion(SearchType type, TopicId topicId, PetitionId petitionId, String title) {
}
