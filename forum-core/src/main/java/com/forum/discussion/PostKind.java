package com.forum.discussion;

/** A post is a topic's opening post or a reply; likes and edit history apply to both. */
public enum PostKind {

	TOPIC, REPLY
}
