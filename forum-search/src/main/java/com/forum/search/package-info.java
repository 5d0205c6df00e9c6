/**
 * Full-text search over threads and replies in Elasticsearch, fed by domain events and rebuildable
 * from the database at any time.
 */
package com.forum.search;
