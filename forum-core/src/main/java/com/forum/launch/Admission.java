package com.forum.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.forum.member.MemberId;

/**
 * The admission keys of a launch in Redis and the scripts over them. Each launch has
 * <ul>
 * <li>{@code launch:{id}:meta}, a hash of its state, its general opening and its windows (in epoch
 * milliseconds); written last by a rebuild, so a launch whose meta exists is whole;</li>
 * <li>{@code launch:{id}:stock}, the slots left; {@code launch:{id}:holders}, the members holding one;</li>
 * <li>{@code launch:{id}:attempts:<second>} counters and the {@code launch:{id}:rejections} hash, for the
 * figures.</li>
 * </ul>
 * The braces keep a launch's keys in one cluster slot, as one script touches them all.
 */
@Component
class Admission {

	/**
	 * One attempt: the state, the member's window (a level of -1 means "not looked up": the script then
	 * asks for it only before the general opening), one slot per member, the stock. Returns the reason,
	 * a number (slots left when admitted; the window's start when not yet), the window's level and the
	 * generation of the keys (see {@link #LOAD}).
	 */
	private static final RedisScript<List> ADMIT = new DefaultRedisScript<>("""
			local m = redis.call('HGETALL', KEYS[1])
			if #m == 0 then return {'MISSING', '0', '0'} end
			local meta = {}
			for i = 1, #m, 2 do meta[m[i]] = m[i + 1] end
			local state = meta['state']
			if state == 'draft' then return {'DRAFT', '0', '0'} end
			local now = tonumber(ARGV[3])
			local level = tonumber(ARGV[2])
			local start = tonumber(meta['general'])
			local windowLevel = 0
			if now < start and state ~= 'closed' and state ~= 'paused' then
			  if level < 0 then return {'LEVEL', '0', '0'} end
			  for i = 1, tonumber(meta['windows']) do
			    local l = tonumber(meta['l' .. i])
			    local s = tonumber(meta['s' .. i])
			    if level >= l and s < start then start = s; windowLevel = l end
			  end
			end
			local second = KEYS[4] .. ':' .. math.floor(now / 1000)
			redis.call('INCR', second)
			redis.call('PEXPIRE', second, 120000)
			local gen = meta['gen'] or ''
			local function refuse(reason, at)
			  redis.call('HINCRBY', KEYS[5], reason, 1)
			  return {reason, tostring(at), tostring(windowLevel), gen}
			end
			if state == 'closed' then return refuse('CLOSED', 0) end
			if state == 'paused' then return refuse('PAUSED', 0) end
			if now < start then return refuse('NOT_YET', start) end
			if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return refuse('ALREADY', 0) end
			local left = tonumber(redis.call('GET', KEYS[2]))
			if left == nil then return {'MISSING', '0', '0'} end
			if left <= 0 then return refuse('SOLD_OUT', 0) end
			redis.call('DECR', KEYS[2])
			redis.call('SADD', KEYS[3], ARGV[1])
			redis.call('HINCRBY', KEYS[5], 'ADMITTED', 1)
			return {'ADMITTED', tostring(left - 1), tostring(windowLevel), gen}
			""", List.class);

	/**
	 * Writes a launch's keys whole from what PostgreSQL holds: ARGV = state, general opening, slots left,
	 * window count, the windows' level and start pairs, a new generation, then the holders. The meta hash
	 * goes last. The generation tells an admission decided on these keys from one decided on keys since
	 * rebuilt, whose stock already reflects what PostgreSQL made of it.
	 */
	private static final RedisScript<Long> LOAD = new DefaultRedisScript<>("""
			redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
			redis.call('SET', KEYS[2], ARGV[3])
			local windows = tonumber(ARGV[4])
			local first = 6 + 2 * windows
			for i = first, #ARGV, 1000 do
			  redis.call('SADD', KEYS[3], unpack(ARGV, i, math.min(i + 999, #ARGV)))
			end
			local meta = {'state', ARGV[1], 'general', ARGV[2], 'windows', ARGV[4], 'gen', ARGV[5 + 2 * windows]}
			for i = 1, windows do
			  table.insert(meta, 'l' .. i); table.insert(meta, ARGV[3 + 2 * i])
			  table.insert(meta, 's' .. i); table.insert(meta, ARGV[4 + 2 * i])
			end
			redis.call('HSET', KEYS[1], unpack(meta))
			return 1
			""", Long.class);

	/**
	 * After PostgreSQL changed who holds a slot: ARGV = extra stock change, how many members to remove,
	 * those members, then members to add. A removed holder gives a slot back, an added one takes one;
	 * nothing happens to a launch whose keys are gone (its rebuild reads PostgreSQL).
	 */
	private static final RedisScript<Long> ADJUST = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			local delta = tonumber(ARGV[1])
			local removals = tonumber(ARGV[2])
			for i = 3, 2 + removals do
			  delta = delta + redis.call('SREM', KEYS[3], ARGV[i])
			end
			for i = 3 + removals, #ARGV do
			  delta = delta - redis.call('SADD', KEYS[3], ARGV[i])
			end
			if delta ~= 0 then redis.call('INCRBY', KEYS[2], delta) end
			return 1
			""", Long.class);

	/**
	 * PostgreSQL refused an attempt Redis admitted: ARGV = the generation of the keys that admitted it,
	 * the stock change, then members who no longer hold a slot (each gives one back). Nothing happens when
	 * the keys were rebuilt since: the rebuild read PostgreSQL, where the attempt left nothing.
	 */
	private static final RedisScript<Long> SETTLE = new DefaultRedisScript<>("""
			if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then return 0 end
			local delta = tonumber(ARGV[2])
			for i = 3, #ARGV do
			  delta = delta + redis.call('SREM', KEYS[3], ARGV[i])
			end
			if delta ~= 0 then redis.call('INCRBY', KEYS[2], delta) end
			return 1
			""", Long.class);

	/**
	 * PostgreSQL stored a reservation Redis admitted: ARGV = the generation of the keys that admitted it,
	 * the member. Keys rebuilt since may have been read from PostgreSQL before the reservation committed:
	 * then the member is added to the holders and takes a slot from the stock. Answers -1 while a rebuild
	 * is under way (its snapshot is not known yet: ask again after it), 1 when the keys were corrected.
	 */
	private static final RedisScript<Long> CONFIRM = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[4]) == 1 then return -1 end
			local gen = redis.call('HGET', KEYS[1], 'gen')
			if not gen or gen == ARGV[1] then return 0 end
			if redis.call('SADD', KEYS[3], ARGV[2]) == 1 then redis.call('DECR', KEYS[2]) end
			return 1
			""", Long.class);

	/** Staff changed the launch: ARGV = stock change, then meta fields and values. */
	private static final RedisScript<Long> CONFIGURE = new DefaultRedisScript<>("""
			if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
			if tonumber(ARGV[1]) ~= 0 then redis.call('INCRBY', KEYS[2], ARGV[1]) end
			redis.call('HSET', KEYS[1], unpack(ARGV, 2))
			return 1
			""", Long.class);

	private static final RedisScript<Long> UNLOCK = new DefaultRedisScript<>("""
			if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
			return 0
			""", Long.class);

	private final StringRedisTemplate redis;

	/**
	 * The members this node's admission lately told "sold out", by launch. When a launch sells out,
	 * nearly every attempt after is such a member trying again, and each would cost a full request
	 * and a Redis round trip to hear the same answer; for {@code forum.launch.sold-out-memo} their
	 * retries get it from here ({@link Reservations#toldSoldOutLately}). Every change this node makes to
	 * the launch's keys (a slot freed, slots added, a pause, a rebuild) forgets the launch's entries
	 * once Redis has it; a change made by another node, or an answer that crossed the change, is seen
	 * when the entries expire.
	 */
	private final Cache<SoldOut, Boolean> toldSoldOut;

	private record SoldOut(long launch, long member) {
	}

	Admission(StringRedisTemplate redis, LaunchProperties properties) {
		this.redis = redis;
		this.toldSoldOut = Caffeine.newBuilder()
			.expireAfterWrite(properties.soldOutMemo())
			.maximumSize(properties.soldOutMemoSize())
			.build();
	}

	boolean toldSoldOutLately(long launch, MemberId member) {
		return toldSoldOut.getIfPresent(new SoldOut(launch, member.value())) != null;
	}

	private void forgetSoldOut(long launch) {
		toldSoldOut.asMap().keySet().removeIf(told -> told.launch() == launch);
	}

	/**
	 * One attempt's verdict: the reason code, the number that goes with it, the window's level, the
	 * generation of the keys that decided it.
	 */
	record Verdict(String reason, long value, int windowLevel, String generation) {

		boolean missing() {
			return "MISSING".equals(reason);
		}
	}

	Verdict admit(long launch, MemberId member, int level, Instant now) {
		List<?> answer = redis.execute(ADMIT, keys(launch, "meta", "stock", "holders", "attempts", "rejections"),
				Long.toString(member.value()), Integer.toString(level), Long.toString(now.toEpochMilli()));
		Verdict verdict = new Verdict(String.valueOf(answer.get(0)), Long.parseLong(String.valueOf(answer.get(1))),
				Integer.parseInt(String.valueOf(answer.get(2))), answer.size() > 3 ? String.valueOf(answer.get(3)) : "");
		if ("SOLD_OUT".equals(verdict.reason())) {
			toldSoldOut.put(new SoldOut(launch, member.value()), Boolean.TRUE);
		}
		return verdict;
	}

	/** Writes the launch's keys from PostgreSQL's figures. */
	void load(Launch launch, Collection<MemberId> holders) {
		List<String> args = new ArrayList<>();
		args.add(launch.state().name().toLowerCase());
		args.add(Long.toString(launch.opensAt().toEpochMilli()));
		args.add(Integer.toString(launch.slotsLeft()));
		args.add(Integer.toString(launch.windows().size()));
		for (PriorityWindow window : launch.windows()) {
			args.add(Integer.toString(window.minLevel()));
			args.add(Long.toString(window.startsAt(launch.opensAt()).toEpochMilli()));
		}
		args.add(UUID.randomUUID().toString());
		holders.forEach(member -> args.add(Long.toString(member.value())));
		redis.execute(LOAD, keys(launch.id(), "meta", "stock", "holders"), args.toArray());
		forgetSoldOut(launch.id());
	}

	/** Removes and adds holders after PostgreSQL changed; {@code extra} changes the stock besides. */
	void adjust(long launch, int extra, Collection<MemberId> removed, Collection<MemberId> added) {
		List<String> args = new ArrayList<>();
		args.add(Integer.toString(extra));
		args.add(Integer.toString(removed.size()));
		removed.forEach(member -> args.add(Long.toString(member.value())));
		added.forEach(member -> args.add(Long.toString(member.value())));
		redis.execute(ADJUST, keys(launch, "meta", "stock", "holders"), args.toArray());
		forgetSoldOut(launch);
	}

	/**
	 * After PostgreSQL refused an admitted attempt: changes the stock and lets the members go (each
	 * giving a slot back), if the keys are still those that admitted it.
	 */
	void settle(long launch, String generation, int extra, Collection<MemberId> removed) {
		List<String> args = new ArrayList<>();
		args.add(generation);
		args.add(Integer.toString(extra));
		removed.forEach(member -> args.add(Long.toString(member.value())));
		redis.execute(SETTLE, keys(launch, "meta", "stock", "holders"), args.toArray());
		forgetSoldOut(launch);
	}

	/**
	 * After PostgreSQL stored an admitted attempt: counts the member in keys rebuilt since it was admitted.
	 *
	 * @return false while a rebuild is under way, when the caller should ask again after it
	 */
	boolean confirm(long launch, String generation, MemberId member) {
		Long answer = redis.execute(CONFIRM, keys(launch, "meta", "stock", "holders", "rebuild"), generation,
				Long.toString(member.value()));
		return answer == null || answer >= 0;
	}

	/** Writes a changed state, opening or windows, and changes the stock by what the slots changed. */
	void configure(Launch launch, int stockChange) {
		List<String> args = new ArrayList<>();
		args.add(Integer.toString(stockChange));
		args.addAll(List.of("state", launch.state().name().toLowerCase(), "general",
				Long.toString(launch.opensAt().toEpochMilli()), "windows", Integer.toString(launch.windows().size())));
		int i = 1;
		for (PriorityWindow window : launch.windows()) {
			args.addAll(List.of("l" + i, Integer.toString(window.minLevel()), "s" + i,
					Long.toString(window.startsAt(launch.opensAt()).toEpochMilli())));
			i++;
		}
		redis.execute(CONFIGURE, keys(launch.id(), "meta", "stock"), args.toArray());
		forgetSoldOut(launch.id());
	}

	boolean loaded(long launch) {
		return Boolean.TRUE.equals(redis.hasKey(key(launch, "meta")));
	}

	/** The stock and the holders as Redis has them, or null when the launch's keys are gone. */
	Counters counters(long launch) {
		if (!loaded(launch)) {
			return null;
		}
		String stock = redis.opsForValue().get(key(launch, "stock"));
		Set<String> holders = redis.opsForSet().members(key(launch, "holders"));
		return new Counters(stock == null ? null : Long.parseLong(stock),
				holders == null ? Set.of() : holders.stream().map(h -> new MemberId(Long.parseLong(h))).collect(
						java.util.stream.Collectors.toSet()));
	}

	record Counters(Long stock, Set<MemberId> holders) {
	}

	/** Attempts in the last {@code seconds} seconds up to now (this one included), and attempts by outcome. */
	Traffic traffic(long launch, Instant now, int seconds) {
		long current = now.getEpochSecond();
		List<String> keys = new ArrayList<>();
		for (long s = current - seconds + 1; s <= current; s++) {
			keys.add(key(launch, "attempts") + ":" + s);
		}
		long attempts = 0;
		List<String> counts = redis.opsForValue().multiGet(keys);
		if (counts != null) {
			for (String count : counts) {
				attempts += count == null ? 0 : Long.parseLong(count);
			}
		}
		Map<Object, Object> reasons = redis.opsForHash().entries(key(launch, "rejections"));
		Map<String, Long> byReason = new java.util.TreeMap<>();
		reasons.forEach((reason, count) -> byReason.put(reason.toString(), Long.parseLong(count.toString())));
		return new Traffic(attempts, byReason);
	}

	record Traffic(long attempts, Map<String, Long> byReason) {
	}

	/** Takes the rebuild lock of the launch, or returns null when another rebuild holds it. */
	String lock(long launch, Duration lease) {
		String token = UUID.randomUUID().toString();
		return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(launch, "rebuild"), token, lease)) ? token : null;
	}

	void unlock(long launch, String token) {
		redis.execute(UNLOCK, List.of(key(launch, "rebuild")), token);
	}

	/** Forgets the launch's keys (as a Redis restart would). */
	void drop(long launch) {
		redis.delete(keys(launch, "meta", "stock", "holders"));
		forgetSoldOut(launch);
	}

	private static List<String> keys(long launch, String... names) {
		List<String> keys = new ArrayList<>(names.length);
		for (String name : names) {
			keys.add(key(launch, name));
		}
		return keys;
	}

	static String key(long launch, String name) {
		return "launch:{" + launch + "}:" + name;
	}
}
