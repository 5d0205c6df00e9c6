package com.forum.search.internal;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The petitions index behind the alias {@code <prefix>-petitions}, for similar-petition detection. */
@Component
public class PetitionIndex {

	private static final Logger log = LoggerFactory.getLogger(PetitionIndex.class);

	private static final String SETTINGS = "config/elasticsearch/petitions.json";

	private final AliasedIndex index;

	PetitionIndex(ElasticsearchClient client, SearchProperties properties) {
		this.index = new AliasedIndex(client, properties.indexPrefix() + "-petitions", SETTINGS);
	}

	/** Prepares the index at start-up; if Elasticsearch is away, the first write tries again. */
	@EventListener(ApplicationReadyEvent.class)
	void prepare() {
		try {
			index.ensureReady();
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Petition index not ready yet ({}); indexing will retry", ex.getMessage());
		}
	}

	/** Where searches go. */
	public String alias() {
		return index.alias();
	}

	public void refresh() throws IOException {
		index.refresh();
	}

	void put(PetitionDocument document, long version) throws IOException {
		// "gte": a repeated delivery of the same state may still bring a fresher vote count
		index.write(List.of(BulkOperation.of(b -> b.index(i -> i.id(Long.toString(document.petitionId()))
			.version(version)
			.versionType(VersionType.ExternalGte)
			.document(document)))));
	}
}
