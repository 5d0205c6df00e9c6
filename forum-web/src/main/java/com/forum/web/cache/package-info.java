/**
 * The page cache for readers who are not signed in: the pages most people read (a thread, a board, the
 * front page and their JSON), rendered once and served from memory until something they show changes.
 * Freshness is decided in Redis, so every node of a cluster stops serving a page the moment any node
 * commits a change to it (see {@link com.forum.web.cache.PageCache}).
 */
package com.forum.web.cache;
