package com.forum.discussion;

/** The part of an earlier reply that a reply quotes. */
public record QuotedReply(ReplyId id, String authorName, String excerpt) {
}
