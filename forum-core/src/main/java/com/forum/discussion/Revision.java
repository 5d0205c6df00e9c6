package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;

/**
 * A post's content before one edit, and who replaced it when. A revision a moderator hid (a phone
 * number edited out) keeps its place in the history, but only staff see what it said: for everyone
 * else its title and body are null.
 */
public record Revision(long id, String title, String body, MemberId editedBy, String editedByName, Instant editedAt,
		boolean hidden) {

	Revision redacted() {
		return hidden ? new Revision(id, null, null, editedBy, editedByName, editedAt, true) : this;
	}
}
