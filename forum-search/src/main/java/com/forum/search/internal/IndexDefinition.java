package com.forum.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.ClassPathResource;

/**
 * What an index is created with: its settings and mappings from {@code config/elasticsearch/}, the
 * community's synonym list ({@code config/search/synonyms.txt}) written into the rules of the
 * {@value #SYNONYM_FILTER} filter, and, in the mapping's {@code _meta}, a hash of all that and of
 * anything else that decides what goes into the index (such as the filler words a petition's
 * similarity title is cleaned of). An index whose recorded hash differs from the one this build
 * would create was made by another definition, and is rebuilt (see {@link AliasedIndex#rebuildIfOutdated}).
 */
record IndexDefinition(String json, String hash) {

	static final String SYNONYMS = "config/search/synonyms.txt";

	static final String SYNONYM_FILTER = "forum_synonyms";

	/** The key in the mapping's {@code _meta} that holds the hash. */
	static final String META_KEY = "definition";

	/**
	 * @param settings class-path location of the index settings and mappings
	 * @param alsoDecides anything outside the JSON that changes what documents hold
	 * @param replicas copies of each shard ({@code forum.search.replicas}); left out of the hash, as they
	 *     change nothing in the documents: an installation that sets them rebuilds nothing
	 */
	static IndexDefinition load(JsonMapper json, String settings, List<String> alsoDecides, int replicas) {
		ObjectNode root = (ObjectNode) json.readTree(read(settings));
		ObjectNode filters = (ObjectNode) root.get("settings").get("analysis").get("filter");
		ObjectNode synonyms = (ObjectNode) filters.get(SYNONYM_FILTER);
		if (synonyms == null) {
			throw new IllegalStateException(settings + " defines no " + SYNONYM_FILTER + " filter");
		}
		ArrayNode rules = synonyms.putArray("rules");
		synonymRules().forEach(rules::add);
		String hash = sha256(json.writeValueAsString(root) + "\n" + String.join("\n", alsoDecides));
		ObjectNode mappings = (ObjectNode) root.get("mappings");
		ObjectNode meta = mappings.has("_meta") ? (ObjectNode) mappings.get("_meta") : mappings.putObject("_meta");
		meta.put(META_KEY, hash);
		((ObjectNode) root.get("settings")).put("number_of_replicas", replicas);
		return new IndexDefinition(json.writeValueAsString(root), hash);
	}

	/** The rules of the list: every line but blank ones and comments. */
	static List<String> synonymRules() {
		return read(SYNONYMS).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
	}

	private static String read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
				.substring(0, 32);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
