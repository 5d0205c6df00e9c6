package com.forum.discussion;

/** Whether the member now likes the post, and how many members do. */
public record LikeState(boolean liked, long likes) {
}
