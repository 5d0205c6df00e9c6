package com.forum.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.forum.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
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

	private volatile boolean ready;

	PostIndex(ElasticsearchClient client, SearchProperties properties, Clock clock) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
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

	/**
	 * Creates the first index and its alias unless they exist. The first index has a fixed name, so
	 * when several threads or nodes race, creating it succeeds for one and the others only wait
	 * for its alias; a second index behind the alias would leave writes with no target.
	 */
	synchronized void ensureReady() throws IOException {
		if (ready) {
			return;
		}
		if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
			String first = alias() + "-initial";
			try {
				createIndex(first);
				client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias()))));
				log.info("Created search index {} behind alias {}", first, alias());
			}
			catch (ElasticsearchException ex) {
				if (!"resource_already_exists_exception".equals(ex.error().type())) {
					throw ex;
				}
				client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias()))));
			}
		}
		ready = true;
	}

	/** A new, empty index with the configured settings and mappings, not yet behind the alias. */
	public String createIndex() throws IOException {
		return createIndex(alias() + "-" + SUFFIX.format(clock.instant()));
	}

	private String createIndex(String index) throws IOException {
		try (InputStream settings = new ClassPathResource(SETTINGS).getInputStream()) {
			client.indices().create(c -> c.index(index).withJson(settings));
		}
		return index;
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
		ensureReady();
		write(alias(), operations);
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

	/** Runs the operations; conflicts (a newer version is there) and missing documents count as done. */
	public void write(String index, List<BulkOperation> operations) throws IOException {
		if (operations.isEmpty()) {
			return;
		}
		BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
		if (!response.errors()) {
			return;
		}
		for (BulkResponseItem item : response.items()) {
			if (item.error() != null && item.status() != 409 && item.status() != 404) {
				throw new IOException("Indexing " + item.id() + " failed: " + item.error().type() + " "
						+ item.error().reason());
			}
		}
	}
}
