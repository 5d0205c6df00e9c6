package com.forum.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;

/**
 * An index that is only ever read and written through its alias, created on first use: the
 * first index behind the alias has the fixed name {@code <alias>-initial}, so when several threads
 * or nodes race to create it, one succeeds and the others only attach the alias (a second index
 * behind the alias would leave writes with no single target). Writes are bulk operations carrying
 * external versions; a version conflict means a newer state is there already and counts as done.
 */
final class AliasedIndex {

	private static final Logger log = LoggerFactory.getLogger(AliasedIndex.class);

	private final ElasticsearchClient client;

	private final String alias;

	private final String settings;

	private volatile boolean ready;

	/**
	 * @param settings class-path location of the index settings and mappings
	 */
	AliasedIndex(ElasticsearchClient client, String alias, String settings) {
		this.client = client;
		this.alias = alias;
		this.settings = settings;
	}

	String alias() {
		return alias;
	}

	/** Creates the first index and its alias unless the alias exists. */
	synchronized void ensureReady() throws IOException {
		if (ready) {
			return;
		}
		if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
			String first = alias + "-initial";
			try {
				createIndex(first);
				log.info("Created search index {} behind alias {}", first, alias);
			}
			catch (ElasticsearchException ex) {
				if (!"resource_already_exists_exception".equals(ex.error().type())) {
					throw ex;
				}
			}
			client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias))));
		}
		ready = true;
	}

	/** A new, empty index with the configured settings and mappings, not behind the alias. */
	String createIndex(String index) throws IOException {
		try (InputStream body = new ClassPathResource(settings).getInputStream()) {
			client.indices().create(c -> c.index(index).withJson(body));
		}
		return index;
	}

	/** Writes through the alias, creating the index first if this is the very first write. */
	void write(List<BulkOperation> operations) throws IOException {
		if (operations.isEmpty()) {
			return;
		}
		ensureReady();
		writeTo(alias, operations);
	}

	/** Runs the operations against one index or the alias; conflicts and missing documents count as done. */
	void writeTo(String index, List<BulkOperation> operations) throws IOException {
		if (operations.isEmpty()) {
			return;
		}
		BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
		if (!response.errors()) {
			return;
		}
		for (BulkResponseItem item : response.items()) {
			if (item.error() != null && item.status() != 409 && item.status() != 404) {
				throw new IOException("Indexing " + item.id() + " in " + index + " failed: " + item.error().type()
						+ " " + item.error().reason());
			}
		}
	}

	void refresh() throws IOException {
		client.indices().refresh(r -> r.index(alias));
	}
}
