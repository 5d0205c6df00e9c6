package com.forum.web.cache;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import com.forum.board.BoardId;
import com.forum.discussion.TopicId;
import com.forum.member.MemberId;

/**
 * What a kept page depends on. A page names the tags of everything it shows; a change names the tags it
 * affects; a page is served again only while none of its tags changed after it was rendered.
 */
public final class PageTags {

	/** The board navigation on every page: the list of boards. */
	public static final String BOARDS = "boards";

	/** Lists of threads across boards (the front page, the API's list without a board). */
	public static final String LATEST = "latest";

	private PageTags() {
	}

	/** A thread with its replies, likes, answer and moderation. */
	public static String topic(TopicId topic) {
		return "topic:" + topic.value();
	}

	/** A board's thread list. */
	public static String board(BoardId board) {
		return "board:" + board.value();
	}

	/** What a page shows of a member beside their name: reputation and level. */
	public static String member(MemberId member) {
		return "member:" + member.value();
	}

	public static List<String> members(Collection<MemberId> members) {
		return members.stream().distinct().map(PageTags::member).toList();
	}

	/** The given tags, and those of the members whose standing the page shows. */
	public static List<String> of(Collection<MemberId> members, String... tags) {
		return Stream.concat(Stream.of(tags), members(members).stream()).toList();
	}
}
