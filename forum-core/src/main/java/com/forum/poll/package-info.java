/**
 * Polls in threads: the author of a thread asks a question with 2 to 20 options, single or multiple
 * choice, optionally until a closing time; members vote, change their vote or take it back while the poll
 * is open, and see the results once they have voted or the poll has closed. Threads are named by their
 * ids and read through the discussion feature's query service.
 */
package com.forum.poll;
