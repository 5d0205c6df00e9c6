package com.forum.watching;

import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;

/**
 * How many replies of a tracked or watched thread a member has not seen.
 *
 * @param firstUnread the first of them, where "jump to the first unread" goes; null when none
 */
public record UnreadCount(TopicId topic, long unread, ReplyId firstUnread) {
}
