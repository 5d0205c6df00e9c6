package com.forum.search.internal;

import java.time.Clock;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.search.SearchProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The posts index behind its alias. Writes carry the entity's version as an external version, so
 * a late or repeated delivery can never overwrite newer content: Elasticsearch answers such a write
 * with a version conflict, which here means "already up to date".
 */
@Component
public class PostIndex extends IndexBehindAlias {

	private static final String SETTINGS = "config/elasticsearch/posts.json";

	PostIndex(ElasticsearchClient client, SearchProperties properties, RebuildLock lock, Clock clock, JsonMapper json) {
		super(new AliasedIndex(client, properties.postsAlias(),
				IndexDefinition.load(json, SETTINGS, List.of(), properties.replicas()), lock, clock,
				properties));
	}

	/**
	 * A removal is written as a tombstone, not as a delete: Elasticsearch creates a missing index for
	 * a delete that carries an external version, alias required or not, and it forgets a deleted
	 * document's version after a minute, after which a late write could bring the post back. The
	 * tombstone refuses older writes for good; having no text, it matches no search, and a rebuild
	 * drops it.
	 */
	static BulkOperation removal(String docId, long version, PostDocument tombstone) {
		// "gte" so a removal caused by the parent topic's deletion, at the reply's unchanged version, still applies
		return BulkOperation.of(b -> b.index(i -> i.id(docId)
			.version(version)
			.versionType(VersionType.ExternalGte)
			.document(tombstone)));
	}

	static BulkOperation addition(String docId, long version, PostDocument document) {
		return BulkOperation.of(b -> b.index(i -> i.id(docId)
			.version(version)
			.versionType(VersionType.External)
			.document(document)));
	}
}
