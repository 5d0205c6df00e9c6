/**
 * Full-text search over threads and replies in Elasticsearch, fed from the outbox and rebuildable
 * from the database at any time.
 */
package com.forum.search;
