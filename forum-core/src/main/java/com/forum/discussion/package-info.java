/**
 * Discussions: threads (called topics, so as not to clash with {@link java.lang.Thread}) and their
 * replies, likes, edit history, moderation, view counts and accepted answers on support boards.
 */
package com.forum.discussion;
