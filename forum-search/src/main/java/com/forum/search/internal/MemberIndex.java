package com.forum.search.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.member.MemberSnapshot;
import com.forum.search.SearchProperties;

import org.springframework.stereotype.Component;

/**
 * The members index behind its alias. Documents carry the member's entity version as external
 * version, so a late or repeated write of an older state is refused as a version conflict.
 */
@Component
public class MemberIndex {

	private static final String SETTINGS = "config/elasticsearch/members.json";

	private final AliasedIndex index;

	MemberIndex(ElasticsearchClient client, SearchProperties properties, RebuildLock lock, Clock clock,
			JsonMapper json) {
		this.index = new AliasedIndex(client, properties.membersAlias(), IndexDefinition.load(json, SETTINGS, List.of(), properties.replicas()),
				lock, clock);
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

	static BulkOperation operation(MemberSnapshot member) {
		return BulkOperation.of(b -> b.index(i -> i.id(Long.toString(member.id().value()))
			.version(PostDocument.externalVersion(member.version()))
			.versionType(VersionType.External)
			.document(MemberDocument.of(member))));
	}
}
