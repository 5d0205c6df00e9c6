package com.forum.web.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * When each tag last changed, in Redis, shared by every node. One counter orders all changes: a change
 * takes the next number and writes it on each of its tags; a page remembers the number current before it
 * read anything, and is fresh while every one of its tags is at or below that number.
 * <p>
 * Remembering the number <em>before</em> reading is what makes a race harmless: a change committed while a
 * page was being rendered writes a number above the page's, so the page is never served. A tag key
 * expires ({@code tagLifetime}, twice the longest a page is kept), and once it is gone every page that
 * could have seen it as newer has expired too. The epoch tells a Redis that lost its data (restarted
 * without persistence, flushed) from the one the pages were checked against: the counter would start over
 * and make old pages look fresh. Redis must not evict keys under memory pressure (its default,
 * {@code noeviction}): an evicted tag would look unchanged.
 */
class PageVersions {

	/** One hash slot ({@code {page}}) for every key, as one script touches several of them. */
	private static final String PREFIX = "forum:{page}:";

	static final String SEQUENCE = PREFIX + "sequence";

	static final String EPOCH = PREFIX + "epoch";

	private static final RedisScript<Long> CHANGE = RedisScript.of("""
			local number = redis.call('INCR', KEYS[1])
			for i = 2, #KEYS do
			  redis.call('SET', KEYS[i], number, 'EX', ARGV[1])
			end
			return number""", Long.class);

	private final StringRedisTemplate redis;

	private final String tagLifetimeSeconds;

	PageVersions(StringRedisTemplate redis, Duration tagLifetime) {
		this.redis = redis;
		this.tagLifetimeSeconds = Long.toString(Math.max(1, tagLifetime.toSeconds()));
	}

	/** The state a page is rendered against: read it before reading anything the page shows. */
	Snapshot now() {
		List<String> values = redis.opsForValue().multiGet(List.of(EPOCH, SEQUENCE));
		String epoch = values == null ? null : values.get(0);
		if (epoch == null) {
			redis.opsForValue().setIfAbsent(EPOCH, UUID.randomUUID().toString());
			epoch = redis.opsForValue().get(EPOCH);
		}
		String sequence = values == null ? null : values.get(1);
		return new Snapshot(Objects.requireNonNull(epoch), sequence == null ? 0 : Long.parseLong(sequence));
	}

	/** Whether nothing tagged with one of {@code tags} changed since {@code snapshot}. */
	boolean unchangedSince(Snapshot snapshot, Collection<String> tags) {
		long last = lastChange(snapshot.epoch(), tags);
		return last >= 0 && last <= snapshot.sequence();
	}

	/**
	 * The number of the latest change of any of {@code tags} in {@code epoch} (0 when none is known), or -1
	 * when Redis is no longer that epoch: then nothing rendered before can be trusted.
	 */
	long lastChange(String epoch, Collection<String> tags) {
		List<String> keys = new ArrayList<>(tags.size() + 1);
		keys.add(EPOCH);
		tags.forEach(tag -> keys.add(key(tag)));
		List<String> values = redis.opsForValue().multiGet(keys);
		if (values == null || !epoch.equals(values.get(0))) {
			return -1;
		}
		long last = 0;
		for (int i = 1; i < values.size(); i++) {
			String changedAt = values.get(i);
			if (changedAt != null) {
				last = Math.max(last, Long.parseLong(changedAt));
			}
		}
		return last;
	}

	/** Records a change of everything tagged with one of {@code tags}; one round trip, atomic. */
	void changed(Collection<String> tags) {
		if (tags.isEmpty()) {
			return;
		}
		List<String> keys = new ArrayList<>(tags.size() + 1);
		keys.add(SEQUENCE);
		tags.forEach(tag -> keys.add(key(tag)));
		redis.execute(CHANGE, keys, tagLifetimeSeconds);
	}

	private static String key(String tag) {
		return PREFIX + "tag:" + tag;
	}

	/**
	 * @param epoch which Redis the number belongs to
	 * @param sequence the number of the last change before the page was read
	 */
	record Snapshot(String epoch, long sequence) {
	}
}
