package com.forum.discussion;

import java.time.Instant;

import com.forum.member.MemberId;

/** A post's content before one edit, and who replaced it when. */
public record Revision(String title, String body, MemberId editedBy, String editedByName, Instant editedAt) {
}
