package com.forum.poll;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.forum.discussion.TopicId;
import com.forum.member.MemberId;

/**
 * A poll as one reader sees it. Counts are there only when {@code resultsShown}: the reader has voted or
 * the poll has closed; before that each option's {@code votes} is null.
 *
 * @param maxChoices the most options one vote may choose (1 for single choice)
 * @param closesAt when the poll stops (or stopped) taking votes, null when it has no closing time
 * @param closed it takes no more votes
 * @param voters the members who voted
 * @param chosen the options the reader chose, empty when they have not voted (or are not signed in)
 */
public record PollResults(PollId id, TopicId topicId, MemberId authorId, String question, boolean multiple,
		int maxChoices, Instant closesAt, boolean closed, long voters, List<Option> options, Set<Long> chosen,
		boolean resultsShown) {

	public boolean voted() {
		return !chosen.isEmpty();
	}

	/** @param votes members who chose it, or null while the results are not shown */
	public record Option(long id, String label, Long votes) {
	}

	/** The option's share of the voters, 0 to 100, rounded; 0 while nobody voted or results are hidden. */
	public int percent(Option option) {
		if (option.votes() == null || voters == 0) {
			return 0;
		}
		return (int) Math.round(option.votes() * 100.0 / voters);
	}
}
