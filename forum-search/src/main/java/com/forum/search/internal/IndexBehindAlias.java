package com.forum.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

/**
 * What every index of the forum offers the reindexer and its indexer, the same for posts, petitions and
 * members: rebuilds behind its alias and bulk writes, all done by its {@link AliasedIndex}.
 */
abstract class IndexBehindAlias {

	private final AliasedIndex index;

	IndexBehindAlias(AliasedIndex index) {
		this.index = index;
	}

	/** Where searches go. */
	public String alias() {
		return index.alias();
	}

	/** Rebuilds the index from the database and swaps it in behind the alias; searches go on meanwhile. */
	public String rebuild(Backfill backfill) throws IOException {
		return index.rebuild(backfill);
	}

	/** Rebuilds the index if its alias is missing; the name of the new index if it did. */
	public Optional<String> restoreIfMissing(Backfill backfill) throws IOException {
		return index.restoreIfMissing(backfill);
	}

	/** Rebuilds the index if it was built from another definition; the name of the new index if it did. */
	public Optional<String> rebuildIfOutdated(Backfill backfill) throws IOException {
		return index.rebuildIfOutdated(backfill);
	}

	void write(List<BulkOperation> operations) throws IOException {
		index.write(operations);
	}
}
