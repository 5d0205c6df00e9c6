package com.forum.search.internal;

import java.time.Clock;
import java.util.List;

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
public class MemberIndex extends IndexBehindAlias {

	private static final String SETTINGS = "config/elasticsearch/members.json";

	MemberIndex(ElasticsearchClient client, SearchProperties properties, RebuildLock lock, Clock clock,
			JsonMapper json) {
		super(new AliasedIndex(client, properties.membersAlias(),
				IndexDefinition.load(json, SETTINGS, List.of(), properties.replicas()), lock, clock,
				properties));
	}

	static BulkOperation operation(MemberSnapshot member) {
		return BulkOperation.of(b -> b.index(i -> i.id(Long.toString(member.id().value()))
			.version(PostDocument.externalVersion(member.version()))
			.versionType(VersionType.External)
			.document(MemberDocument.of(member))));
	}
}
