/**
 * Watching: how closely each member follows threads and boards (watching, tracking, normal, muted),
 * which threads they have read how far (new and unread), and whom they follow (their feed).
 * <p>
 * The read lists join the discussion tables in SQL rather than asking the discussion feature thread by
 * thread: an unread count is a count of replies, and a list of a thousand tracked threads would
 * otherwise be a thousand queries.
 */
package com.forum.watching;
