package com.forum.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.petition.PetitionProperties;
import com.forum.petition.PetitionSnapshot;
import com.forum.petition.TitleSimilarity;
import com.forum.search.SearchProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The petitions index behind the alias {@code <prefix>-petitions}, for similar-petition detection.
 * Documents carry the petition's index version, which every change they show draws anew from a
 * sequence: a write of an older state than the one stored is refused as a version conflict.
 */
@Component
public class PetitionIndex {

	private static final String SETTINGS = "config/elasticsearch/petitions.json";

	private final AliasedIndex index;

	PetitionIndex(ElasticsearchClient client, SearchProperties properties, PetitionProperties petitions,
			RebuildLock lock, Clock clock, JsonMapper json) {
		// the filler words decide each document's similarity title: other fillers, another index
		List<String> fillers = petitions.fillerWords().stream().map(word -> "filler " + word).toList();
		this.index = new AliasedIndex(client, properties.indexPrefix() + "-petitions",
				IndexDefinition.load(json, SETTINGS, fillers, properties.replicas()), lock, clock);
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

	static BulkOperation addition(PetitionSnapshot petition, TitleSimilarity similarity) {
		return BulkOperation.of(b -> b.index(i -> i.id(Long.toString(petition.id().value()))
			.version(petition.indexVersion())
			.versionType(VersionType.External)
			.document(PetitionDocument.of(petition, similarity))));
	}
}
