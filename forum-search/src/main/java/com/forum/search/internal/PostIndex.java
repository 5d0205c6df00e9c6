package com.forum.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The posts index behind its alias. Writes carry the entity's version as an external version, so
 * a late or repeated delivery can never overwrite newer content: Elasticsearch answers such a write
 * with a version conflict, which here means "already up to date".
 */
@Component
public class PostIndex {

	private static final Logger log = LoggerFactory.getLogger(PostIndex.class);

	private static final String SETTINGS = "config/elasticsearch/posts.json";

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final ElasticsearchClient client;

	private final SearchProperties properties;

	private final Clock clock;

	private final AliasedIndex posts;

	PostIndex(ElasticsearchClient client, SearchProperties properties, Clock clock) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
		this.posts = new AliasedIndex(client, properties.postsAlias(), SETTINGS);
	}

	/** Prepares the index at start-up; if Elasticsearch is away, the first write tries again. */
	@EventListener(ApplicationReadyEvent.class)
	void prepare() {
		try {
			ensureReady();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Search index not ready yet ({}); indexing will retry", ex.getMessage());
		}
	}

	String alias() {
		return properties.postsAlias();
	}

	void ensureReady() throws IOException {
		posts.ensureReady();
	}

	/** A new, empty index with the configured settings and mappings, not yet behind the alias. */
	public String createIndex() throws IOException {
		return posts.createIndex(alias() + "-" + SUFFIX.format(clock.instant()));
	}

	public Set<String> indicesBehindAlias() throws IOException {
		return client.indices().getAlias(a -> a.name(alias())).aliases().keySet();
	}

	/** Points the alias at {@code index} alone, in one atomic step, so no search ever sees a gap. */
	public void swapAliasTo(String index, Set<String> previous) throws IOException {
		client.indices().updateAliases(u -> {
			u.actions(a -> a.add(add -> add.index(index).alias(alias())));
			previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias()))));
			return u;
		});
	}

	public void deleteIndex(String index) throws IOException {
		client.indices().delete(d -> d.index(index));
	}

	public void refresh(String index) throws IOException {
		client.indices().refresh(r -> r.index(index));
	}

	/** Writes through the alias, creating the index first if this is the very first write. */
	void write(List<BulkOperation> operations) throws IOException {
		posts.write(operations);
	}

	static BulkOperation removal(String docId, long version) {
		// "gte" so a removal caused by the parent topic's deletion, at the reply's unchanged version, still applies
		return BulkOperation.of(b -> b.delete(d -> d.id(docId).version(version).versionType(VersionType.ExternalGte)));
	}

	static BulkOperation addition(String docId, long version, PostDocument document) {
		return BulkOperation.of(b -> b.index(i -> i.id(docId)
			.version(version)
			.versionType(VersionType.External)
			.document(document)));
	}

	/** Writes straight into one index, as a rebuild does before the alias points at it. */
	public void write(String index, List<BulkOperation> operations) throws IOException {
		posts.writeTo(index, operations);
	}
}
