package com.forum.discussion;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts thread views in Redis and writes them to PostgreSQL in batches, so a popular thread does
 * not turn every page view into a write on one hot row. A viewer counts once per window. Pending
 * counts are moved aside atomically before they are written, so two nodes never flush the same
 * views, and a flush that died half-way is finished by the next one.
 */
@Component
class TopicViews implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(TopicViews.class);

	static final String PENDING = "forum:topic-views:pending";

	private static final String FLUSHING = "forum:topic-views:flushing:";

	/** A batch moved aside this long ago belongs to a flush that died. */
	private static final long ORPHAN_AGE_MILLIS = 60_000;

	private final StringRedisTemplate redis;

	private final Topics topics;

	private final TransactionTemplate tx;

	private final DiscussionProperties properties;

	TopicViews(StringRedisTemplate redis, Topics topics, TransactionTemplate tx, DiscussionProperties properties) {
		this.redis = redis;
		this.topics = topics;
		this.tx = tx;
		this.properties = properties;
	}

	/** Returns whether this view counted. */
	boolean record(TopicId topic, String viewer) {
		Boolean first = redis.opsForValue()
			.setIfAbsent("forum:topic-view:" + topic + ":" + viewer, "1", properties.viewWindow());
		if (Boolean.TRUE.equals(first)) {
			redis.opsForHash().increment(PENDING, topic.toString(), 1);
			return true;
		}
		return false;
	}

	long pending(TopicId topic) {
		Object value = redis.opsForHash().get(PENDING, topic.toString());
		return value == null ? 0 : Long.parseLong(value.toString());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::flush, properties.viewFlushInterval());
	}

	void flush() {
		try {
			long now = System.currentTimeMillis();
			String batch = FLUSHING + now + ":" + UUID.randomUUID();
			if (Boolean.TRUE.equals(redis.hasKey(PENDING))) {
				try {
					redis.rename(PENDING, batch);
					write(batch);
				}
				catch (RuntimeException ex) {
					// another node moved it first, or the write failed and is left for the orphan sweep
				}
			}
			for (String orphan : flushingBatches()) {
				long movedAt = Long.parseLong(orphan.substring(FLUSHING.length(), orphan.indexOf(':', FLUSHING.length())));
				if (now - movedAt > ORPHAN_AGE_MILLIS) {
					write(orphan);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not flush thread views: {}", ex.getMessage());
		}
	}

	private Set<String> flushingBatches() {
		Set<String> keys = new java.util.HashSet<>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(FLUSHING + "*").count(100).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	private void write(String key) {
		Map<Object, Object> counts = redis.opsForHash().entries(key);
		tx.executeWithoutResult(status -> counts.forEach((topic, views) -> {
			long id = Long.parseLong(topic.toString());
			topics.countViews(id, Long.parseLong(views.toString()));
			topics.refreshHotScore(id, properties.hotGravity().toSeconds());
		}));
		redis.delete(key);
	}
}
