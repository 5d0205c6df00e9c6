package com.forum.search.internal;

import java.util.List;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

/** Reads every document of an index from the database and hands them over in batches, for a rebuild. */
@FunctionalInterface
public interface Backfill {

	void load(Consumer<List<BulkOperation>> into);
}
