package com.forum.search;

import java.time.Instant;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionStatus;

/**
 * One match. {@code titleHtml} and {@code snippetHtml} are HTML: the matched text escaped, with
 * matches wrapped in {@code <mark>}, safe to place on a page as is. What identifies a hit depends on
 * its type: a thread by its title and board, a reply by its snippet and its thread's title, a
 * petition by its title, status and votes, a member by their name (the author fields) and bio.
 *
 * @param replyId the matching reply, or null when it is not a reply
 * @param topicTitle the thread's title for threads and replies, the petition's title for petitions,
 *     the member's name for members
 * @param authorId the author of a post, the member found; null for petitions
 * @param votes likes of a post, votes of a petition
 */
public record SearchHit(SearchType type, TopicId topicId, ReplyId replyId, BoardId boardId, String topicTitle,
		String titleHtml, String snippetHtml, MemberId authorId, String authorName, Instant createdAt,
		PetitionId petitionId, PetitionStatus status, int votes, List<String> tags) {

	public boolean isReply() {
		return type == SearchType.REPLY;
	}
}
