/**
 * Bookmarks: a member keeps threads and replies to come back to, newest first, seen by nobody else.
 * Posts are named by their ids and read through the discussion feature's query service, so a post
 * deleted or hidden later shows as removed, without its content.
 */
package com.forum.bookmark;
