package com.forum.search.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class IndexDefinitionTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void replicasAreSetWhenAnIndexIsCreatedWithoutChangingTheHashThatDecidesRebuilds() {
		IndexDefinition single = IndexDefinition.load(json, "config/elasticsearch/posts.json", List.of(), 0);
		IndexDefinition cluster = IndexDefinition.load(json, "config/elasticsearch/posts.json", List.of(), 2);

		assertThat(cluster.hash()).isEqualTo(single.hash());
		assertThat(json.readTree(single.json()).at("/settings/number_of_replicas").asInt()).isZero();
		assertThat(json.readTree(cluster.json()).at("/settings/number_of_replicas").asInt()).isEqualTo(2);
	}
}
