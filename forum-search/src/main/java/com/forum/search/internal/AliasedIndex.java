package com.forum.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import co.elastic.clients.elasticsearch.indices.resolve_index.ResolveIndexItem;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import com.forum.search.SearchProperties;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An index only ever read and written through its alias, and rebuilt from the database into a new
 * index while the old one keeps serving searches.
 * <p>
 * During a rebuild the new index is also reachable as {@code <alias>-rebuild}. That alias lives in
 * Elasticsearch, so every node sees it at once: each write goes to both aliases in one bulk request,
 * and the backfill starts reading the database only once the rebuild alias exists. A change
 * committed before the backfill reads its row is in what the backfill reads; a change committed
 * later is written by its indexer, after the commit, into the new index as well. External versions
 * make the overlap harmless. The live alias is then moved to the new index, and the rebuild alias
 * dropped, in one atomic step.
 * <p>
 * Every write is an index operation that requires its target to be an alias: with no rebuild
 * running the rebuild half fails item by item and is ignored, and if the index was deleted the write
 * fails, to be retried, instead of creating an index with mappings guessed from the document (a
 * removal is a tombstone, see {@link PostIndex#removal}). The restore at start-up and every minute,
 * or {@code ./forum reindex}, rebuilds a missing index from the database.
 */
final class AliasedIndex {

	private static final Logger log = LoggerFactory.getLogger(AliasedIndex.class);

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	/** Lets searches that resolved the alias just before the swap finish on the old index before it goes. */
	private static final Duration OLD_INDEX_GRACE = Duration.ofSeconds(1);

	/** Writes of concurrent callers sent in one bulk request; each is sent twice, see {@link #write}. */
	private static final int MAX_OPERATIONS_PER_REQUEST = 500;

	/** Backfill batches out at once: one being indexed while the next is read, and one more for Elasticsearch. */
	private static final int BULKS_IN_FLIGHT = 2;

	/** Tries of one backfill batch before the rebuild gives up (and the old index keeps serving). */
	private static final int BULK_ATTEMPTS = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ElasticsearchClient client;

	/**
	 * The client for a rebuild's own requests (its bulk loads, the refresh and settings of the new index),
	 * which wait longer than a search: beside a busy forum a bulk request of the rebuild can queue behind
	 * searches and live writes for more than the usual response timeout, and giving up on it after
	 * Elasticsearch accepted it only sends the same work again.
	 */
	private final ElasticsearchClient rebuilding;

	private final String alias;

	private final String rebuildAlias;

	private final IndexDefinition definition;

	private final RebuildLock lock;

	private final Clock clock;

	/** Documents a second a backfill sends at most; 0 for as fast as Elasticsearch takes them. */
	private final int rebuildRate;

	/** The names this class gives indices, and only those: other installations may share the cluster. */
	private final Pattern ownIndices;

	private final GroupedWrites writes = new GroupedWrites(this::send, MAX_OPERATIONS_PER_REQUEST);

	AliasedIndex(ElasticsearchClient client, String alias, IndexDefinition definition, RebuildLock lock, Clock clock,
			SearchProperties properties) {
		this.client = client;
		this.rebuilding = patient(client, properties.rebuildResponseTimeout());
		this.rebuildRate = properties.rebuildRate();
		this.alias = alias;
		this.rebuildAlias = alias + "-rebuild";
		this.definition = definition;
		this.lock = lock;
		this.clock = clock;
		this.ownIndices = Pattern.compile(Pattern.quote(alias) + "-(\\d{8}-\\d{6}-\\d{3}|initial)");
	}

	String alias() {
		return alias;
	}

	boolean exists() throws IOException {
		return client.indices().existsAlias(a -> a.name(alias)).value();
	}

	/**
	 * Writes through the live alias and, if a rebuild runs, its alias, in one request, together with
	 * the writes of other callers meanwhile (see {@link GroupedWrites}). A version conflict means a
	 * newer state is there already and counts as done.
	 */
	void write(List<BulkOperation> operations) throws IOException {
		writes.write(operations);
	}

	/** One bulk request for the writes of any number of callers: for each operation, why it failed, or null. */
	private List<IOException> send(List<BulkOperation> operations) throws IOException {
		List<BulkOperation> both = new ArrayList<>(operations);
		operations.forEach(operation -> both.add(to(rebuildAlias, operation)));
		BulkResponse response = client.bulk(b -> b.index(alias).requireAlias(true).operations(both));
		List<IOException> failures = new ArrayList<>(Collections.nCopies(operations.size(), null));
		if (!response.errors()) {
			return failures;
		}
		List<BulkResponseItem> items = response.items();
		for (int i = 0; i < items.size(); i++) {
			boolean toRebuild = i >= operations.size();
			BulkResponseItem item = items.get(i);
			int operation = i % operations.size();
			if (failed(item) && !(toRebuild && aliasMissing(item)) && failures.get(operation) == null) {
				failures.set(operation, failure(item, toRebuild ? rebuildAlias : alias));
			}
		}
		return failures;
	}

	/** Rebuilds the index from the database; waits while another rebuild of it runs. */
	String rebuild(Backfill backfill) throws IOException {
		try (RebuildLock.Held held = lock.acquire(alias)) {
			return rebuildHoldingLock(backfill, rebuildRate);
		}
		catch (SQLException ex) {
			throw new IOException("Could not take the rebuild lock of " + alias + ": " + ex.getMessage(), ex);
		}
	}

	/** Rebuilds the index if its alias is missing (a first start, a deleted index) and no one else is at it. */
	Optional<String> restoreIfMissing(Backfill backfill) throws IOException {
		return rebuildIfStill(() -> !exists(), "is missing; building it from the database", backfill, 0);
	}

	/**
	 * Rebuilds the index if the one behind the alias was created from another definition (other
	 * analysis, mappings or synonyms; see {@link IndexDefinition}) and no one else is at it. Searches
	 * keep using the old index until the new one is swapped in.
	 */
	Optional<String> rebuildIfOutdated(Backfill backfill) throws IOException {
		return rebuildIfStill(this::outdated,
				"was built from another definition; rebuilding it as " + definition.hash(), backfill, rebuildRate);
	}

	/**
	 * Rebuilds if {@code needed} holds, and still holds once the lock is ours: whoever held it a moment
	 * ago may have done the job. Waits for nobody.
	 */
	private Optional<String> rebuildIfStill(Check needed, String why, Backfill backfill, int rate)
			throws IOException {
		if (!needed.holds()) {
			return Optional.empty();
		}
		try {
			Optional<RebuildLock.Held> acquired = lock.tryAcquire(alias);
			if (acquired.isEmpty()) {
				return Optional.empty();
			}
			try (RebuildLock.Held held = acquired.get()) {
				if (!needed.holds()) {
					return Optional.empty();
				}
				log.info("Search index {} {}", alias, why);
				return Optional.of(rebuildHoldingLock(backfill, rate));
			}
		}
		catch (SQLException ex) {
			throw new IOException("Could not take the rebuild lock of " + alias + ": " + ex.getMessage(), ex);
		}
	}

	@FunctionalInterface
	private interface Check {

		boolean holds() throws IOException;
	}

	/** True when the alias points at an index whose recorded definition is not this one. */
	boolean outdated() throws IOException {
		if (!exists()) {
			return false;
		}
		for (IndexMappingRecord index : client.indices().getMapping(m -> m.index(alias)).mappings().values()) {
			JsonData recorded = index.mappings().meta().get(IndexDefinition.META_KEY);
			if (recorded == null || !definition.hash().equals(recorded.to(String.class))) {
				return true;
			}
		}
		return false;
	}

	/** A missing index is restored as fast as Elasticsearch takes it ({@code rate} 0): its searches fail meanwhile. */
	private String rebuildHoldingLock(Backfill backfill, int rate) throws IOException {
		Instant started = clock.instant();
		deleteLeftovers();
		String fresh = alias + "-" + SUFFIX.format(started);
		ObjectNode created = (ObjectNode) JSON.readTree(definition.json());
		String refreshInterval = withoutRefresh(created);
		// acknowledged: every node now sends writes to the rebuild alias too, before the backfill reads a row
		if (!rebuilding.indices()
			.create(c -> c.withJson(new StringReader(created.toString())).index(fresh).aliases(rebuildAlias, a -> a))
			.acknowledged()) {
			throw new IOException("Elasticsearch did not confirm the creation of " + fresh + " on every node");
		}
		AtomicLong documents = new AtomicLong();
		OverlappingBulks bulks = new OverlappingBulks(this::load, BULKS_IN_FLIGHT);
		long backfillStart = System.nanoTime();
		try {
			backfill.load(batch -> {
				keepPace(documents.get(), backfillStart, rate);
				bulks.accept(batch);
				documents.addAndGet(batch.size());
			});
		}
		catch (UncheckedIOException ex) {
			bulks.await();
			throw ex.getCause();
		}
		catch (RuntimeException ex) {
			bulks.await();
			throw ex;
		}
		bulks.finish();
		rebuilding.indices()
			.putSettings(p -> p.index(fresh).settings(s -> s.refreshInterval(t -> t.time(refreshInterval))));
		rebuilding.indices().refresh(r -> r.index(fresh));
		Set<String> previous = behindAlias();
		rebuilding.indices().updateAliases(u -> {
			previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias))));
			return u.actions(a -> a.add(add -> add.index(fresh).alias(alias)))
				.actions(a -> a.remove(r -> r.index(fresh).alias(rebuildAlias)));
		});
		if (!previous.isEmpty()) {
			pause(OLD_INDEX_GRACE);
			for (String old : previous) {
				rebuilding.indices().delete(d -> d.index(old));
			}
		}
		log.info("Rebuilt {} as {}: {} documents from the database in {} ms", alias, fresh, documents.get(),
				Duration.between(started, clock.instant()).toMillis());
		return fresh;
	}

	/**
	 * Takes the refresh interval out of an index definition, to build the index without refreshing: a
	 * refresh makes the documents indexed so far searchable, which no one needs before the swap, and each
	 * costs a new segment to merge later. Returns the interval to set once the backfill is in.
	 */
	static String withoutRefresh(ObjectNode definition) {
		JsonNode settings = definition.path("settings");
		String interval = "1s";
		if (settings instanceof ObjectNode top) {
			if (top.path("index") instanceof ObjectNode index && index.has("refresh_interval")) {
				interval = index.remove("refresh_interval").asString();
			}
			if (top.has("refresh_interval")) {
				interval = top.remove("refresh_interval").asString();
			}
			top.put("refresh_interval", "-1");
		}
		else {
			definition.putObject("settings").put("refresh_interval", "-1");
		}
		return interval;
	}

	/** Backfill writes go through the rebuild alias, so they fail rather than land elsewhere if it is gone. */
	private void load(List<BulkOperation> operations) {
		if (operations.isEmpty()) {
			return;
		}
		BulkResponse response = null;
		for (int attempt = 1; response == null; attempt++) {
			try {
				response = rebuilding.bulk(b -> b.index(rebuildAlias).requireAlias(true).operations(operations));
			}
			catch (IOException ex) {
				// a timeout on a busy cluster: sending the batch again is harmless, the external versions
				// turn what was indexed already into conflicts, which count as done
				if (attempt == BULK_ATTEMPTS) {
					throw new UncheckedIOException(ex);
				}
				log.warn("A bulk request of the rebuild of {} failed ({}); sending it again", alias, ex.getMessage());
				try {
					pause(Duration.ofSeconds(attempt));
				}
				catch (IOException interrupted) {
					throw new UncheckedIOException(interrupted);
				}
			}
		}
		for (BulkResponseItem item : response.items()) {
			if (failed(item)) {
				throw new UncheckedIOException(failure(item, rebuildAlias));
			}
		}
	}

	/**
	 * Holding the lock, any index of ours not behind the live alias was left by a rebuild that died:
	 * before its swap (the rebuild alias still points at it) or between the swap and the deletion of
	 * the index it replaced. An index named like one of the aliases was created by a write that did
	 * not require an alias (another program, an older version of this one); it would block the alias,
	 * and holds nothing the database cannot restore.
	 */
	private void deleteLeftovers() throws IOException {
		for (ResolveIndexItem index : client.indices().resolveIndex(r -> r.name(alias + "*")).indices()) {
			String name = index.name();
			boolean leftover = ownIndices.matcher(name).matches() && !index.aliases().contains(alias);
			if (leftover || name.equals(alias) || name.equals(rebuildAlias)) {
				log.warn("Deleting {}, left by an interrupted rebuild of {} or created by mistake", name, alias);
				client.indices().delete(d -> d.index(name));
			}
		}
	}

	private Set<String> behindAlias() throws IOException {
		if (!exists()) {
			return Set.of();
		}
		return Set.copyOf(client.indices().getAlias(a -> a.name(alias)).aliases().keySet());
	}

	/** A version conflict means that a state at least as new is there already. */
	private static boolean failed(BulkResponseItem item) {
		return item.error() != null && item.status() != 409;
	}

	private static boolean aliasMissing(BulkResponseItem item) {
		return "index_not_found_exception".equals(item.error().type());
	}

	private static IOException failure(BulkResponseItem item, String target) {
		return new IOException("Writing " + item.id() + " through " + target + " failed: " + item.error().type() + " "
				+ item.error().reason());
	}

	/** Indexers write index operations only: see {@link PostIndex#removal} for why not deletes. */
	private static BulkOperation to(String index, BulkOperation operation) {
		IndexOperation<Object> write = operation.index();
		return BulkOperation.of(b -> b.index(i -> i.index(index)
			.id(write.id())
			.version(write.version())
			.versionType(write.versionType())
			.document(write.document())));
	}

	/**
	 * Holds the backfill to {@code rate} documents a second on average since its start: a batch waits
	 * only while the backfill is ahead of that. A rebuild beside a serving forum so leaves Elasticsearch
	 * room for its searches and its live indexing, which would otherwise queue behind the backfill.
	 */
	private static void keepPace(long sent, long startNanos, int rate) {
		long wait = nanosAhead(sent, System.nanoTime() - startNanos, rate);
		if (wait > 0) {
			try {
				pause(Duration.ofNanos(wait));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** How far a backfill that sent {@code sent} documents in {@code elapsed} ns is ahead of {@code rate} a second. */
	static long nanosAhead(long sent, long elapsed, int rate) {
		return rate == 0 ? 0 : Math.max(0, sent * 1_000_000_000L / rate - elapsed);
	}

	/** The same client, waiting up to {@code timeout} for an answer. */
	static ElasticsearchClient patient(ElasticsearchClient client, Duration timeout) {
		Rest5ClientOptions.Builder options = Rest5ClientOptions.of(client._transportOptions()).toBuilder();
		options.restClientRequestOptionsBuilder()
			.setRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS))
				.build());
		return client.withTransportOptions(options.build());
	}

	private static void pause(Duration duration) throws IOException {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while rebuilding the index", ex);
		}
	}
}
