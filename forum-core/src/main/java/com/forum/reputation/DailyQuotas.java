package com.forum.reputation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.forum.discussion.PostFlagged;
import com.forum.discussion.PostLiked;
import com.forum.discussion.ReplyPosted;
import com.forum.discussion.TopicStarted;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberSettings;
import com.forum.petition.PetitionVoted;
import com.forum.points.PointsProperties;

/**
 * How many threads, replies, votes, likes and flags a member made today, against the quotas of their level.
 * The count is taken as the fact is stored, inside its transaction (these listeners are synchronous):
 * a write over the quota is refused and rolled back, a repeated like or vote that changes nothing is
 * not counted, and a write that rolls back for another reason gives its count back. Days are the
 * member's own (their zone, else the forum's); each day has its own Redis counter
 * ({@code quota:<member>:<yyyy-MM-dd>:<quota>}), which expires the day after.
 */
@Service
public class DailyQuotas {

	private static final Logger log = LoggerFactory.getLogger(DailyQuotas.class);

	private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS - 1);

	private final StringRedisTemplate redis;

	private final Reputation reputation;

	private final MemberDirectory members;

	private final MemberSettings settings;

	private final QuotaProperties quotas;

	private final PointsProperties points;

	private final Clock clock;

	DailyQuotas(StringRedisTemplate redis, Reputation reputation, MemberDirectory members, MemberSettings settings,
			QuotaProperties quotas, PointsProperties points, Clock clock) {
		this.redis = redis;
		this.reputation = reputation;
		this.members = members;
		this.settings = settings;
		this.quotas = quotas;
		this.points = points;
		this.clock = clock;
	}

	@EventListener
	void on(TopicStarted event) {
		take(event.authorId(), Quota.THREADS);
	}

	@EventListener
	void on(ReplyPosted event) {
		take(event.authorId(), Quota.REPLIES);
	}

	@EventListener
	void on(PostLiked event) {
		if (event.liked()) {
			take(event.likerId(), Quota.LIKES);
		}
	}

	/** Only a new flag is published, so flagging a post again costs nothing. */
	@EventListener
	void on(PostFlagged event) {
		take(event.flaggerId(), Quota.FLAGS);
	}

	@EventListener
	void on(PetitionVoted event) {
		if (event.cast()) {
			take(event.voterId(), Quota.VOTES);
		}
	}

	/** How many of the quota the member used today. */
	public long used(MemberId member, Quota quota) {
		String count = redis.opsForValue().get(key(member, quota, day(member)));
		return count == null ? 0 : Long.parseLong(count);
	}

	/**
	 * What the member did today of each quota, with the quotas of their level (none for staff). The
	 * counts live in Redis: while it cannot be read they are unknown, and the rest is still told.
	 */
	public Today today(MemberId member) {
		Map<Quota, Long> used = new EnumMap<>(Quota.class);
		try {
			LocalDate day = day(member);
			List<Quota> all = List.of(Quota.values());
			List<String> counts = redis.opsForValue().multiGet(all.stream().map(quota -> key(member, quota, day)).toList());
			for (int i = 0; i < all.size(); i++) {
				String count = counts == null ? null : counts.get(i);
				used.put(all.get(i), count == null ? 0 : Long.parseLong(count));
			}
		}
		catch (DataAccessException unavailable) {
			uncounted(unavailable);
			used = null;
		}
		boolean staff = members.actor(member).role().holdsEveryPrivilege();
		ZoneId zone = zoneOf(member);
		return new Today(used, staff ? null : quotas.at(reputation.level(member).number()),
				LocalDate.ofInstant(clock.instant(), zone).plusDays(1).atStartOfDay(zone).toInstant(), zone);
	}

	/**
	 * @param used what the member did today, by quota, or null while it cannot be counted
	 * @param limits the quotas of their level, or null for staff
	 * @param resetsAt the start of their next day
	 */
	public record Today(Map<Quota, Long> used, QuotaProperties.DailyQuota limits, Instant resetsAt, ZoneId zone) {

		/** Whether today's counts are known. */
		public boolean counted() {
			return used != null;
		}

		/** What the member did of the quota today, or null while it cannot be counted. */
		public Long used(Quota quota) {
			return used == null ? null : used.getOrDefault(quota, 0L);
		}

		public Long threads() {
			return used(Quota.THREADS);
		}

		public Long replies() {
			return used(Quota.REPLIES);
		}

		public Long votes() {
			return used(Quota.VOTES);
		}

		public Long likes() {
			return used(Quota.LIKES);
		}

		public Long flags() {
			return used(Quota.FLAGS);
		}
	}

	/** The member's quota today, by their level; null for staff, who have none. */
	public Integer limit(MemberId member, Quota quota) {
		if (members.actor(member).role().holdsEveryPrivilege()) {
			return null;
		}
		return quotas.at(reputation.level(member).number()).of(quota);
	}

	/**
	 * Counts one more; over the quota, gives it back and refuses. The count is given back too if the
	 * transaction that stores the fact rolls back.
	 */
	void take(MemberId member, Quota quota) {
		Integer limit = limit(member, quota);
		if (limit == null) {
			return;
		}
		ZoneId zone = zoneOf(member);
		LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
		String key = key(member, quota, day);
		Instant resetsAt = day.plusDays(1).atStartOfDay(zone).toInstant();
		Long count;
		try {
			count = redis.opsForValue().increment(key);
			if (count != null && count == 1) {
				redis.expire(key, Duration.between(clock.instant(), resetsAt).plusDays(1));
			}
			if (count != null && count > limit) {
				redis.opsForValue().decrement(key);
			}
		}
		catch (DataAccessException unavailable) {
			// Quotas slow newcomers down; they are not what keeps the forum's data right. While Redis
			// cannot count, the write goes through rather than fail, and the outage is logged.
			uncounted(unavailable);
			return;
		}
		if (count != null && count > limit) {
			throw new QuotaExceededException(quota, limit, reputation.level(member).label(), resetsAt, zone);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						try {
							redis.opsForValue().decrement(key);
						}
						catch (DataAccessException unavailable) {
							uncounted(unavailable);
						}
					}
				}
			});
		}
	}

	/** One warning a minute at most: every write would log one while Redis is away. */
	private void uncounted(DataAccessException unavailable) {
		long now = System.nanoTime();
		long last = lastWarning.get();
		if (now - last > WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
			log.warn("Daily quotas are not counted while Redis is unavailable: {}", unavailable.toString());
		}
	}

	private LocalDate day(MemberId member) {
		return LocalDate.ofInstant(clock.instant(), zoneOf(member));
	}

	private ZoneId zoneOf(MemberId member) {
		ZoneId zone = settings.preferences(member).zone();
		return zone == null ? points.zone() : zone;
	}

	static String key(MemberId member, Quota quota, LocalDate day) {
		return "quota:" + member.value() + ":" + day + ":" + quota.id();
	}
}
