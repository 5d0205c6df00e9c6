package com.forum.search.internal;

import java.time.Clock;
import java.util.List;

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
public class PetitionIndex extends IndexBehindAlias {

	private static final String SETTINGS = "config/elasticsearch/petitions.json";

	PetitionIndex(ElasticsearchClient client, SearchProperties properties, PetitionProperties petitions,
			RebuildLock lock, Clock clock, JsonMapper json) {
		super(new AliasedIndex(client, properties.indexPrefix() + "-petitions",
				IndexDefinition.load(json, SETTINGS, fillers(petitions), properties.replicas()), lock, clock,
				properties));
	}

	/** The filler words decide each document's similarity title: other fillers, another index. */
	private static List<String> fillers(PetitionProperties petitions) {
		return petitions.fillerWords().stream().map(word -> "filler " + word).toList();
	}

	static BulkOperation addition(PetitionSnapshot petition, TitleSimilarity similarity) {
		return BulkOperation.of(b -> b.index(i -> i.id(Long.toString(petition.id().value()))
			.version(petition.indexVersion())
			.versionType(VersionType.External)
			.document(PetitionDocument.of(petition, similarity))));
	}
}
