package com.forum.petition;

import java.time.Instant;

import com.forum.member.MemberId;

/** An internal note between employees; members never see it. */
public record PetitionNote(long id, MemberId authorId, String authorName, String body, Instant createdAt) {
}
