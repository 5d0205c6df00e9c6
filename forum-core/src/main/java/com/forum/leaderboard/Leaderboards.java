package com.forum.leaderboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.LedgerTotals;
import com.forum.points.LedgerTotals.Total;
import com.forum.points.PointsProperties;

/**
 * Weekly, monthly and all-time leaderboards of reputation and of points earned, as Redis sorted sets.
 * A member's score is always a total read from the ledger, never an increment: each write sets it to
 * what the database says, and only if the total has seen at least as new an entry as the score it
 * replaces, so events delivered late, twice or out of order leave the same board. A board that Redis
 * does not have complete (lost to a restart or a flush, or a new week) is rebuilt from the ledger
 * when it is read, and by a periodic check.
 */
@Service
public class Leaderboards {

	private static final Logger log = LoggerFactory.getLogger(Leaderboards.class);

	private static final String PREFIX = "forum:leaderboard:";

	/** The field of a board's hash that says the board was rebuilt whole since Redis last lost it. */
	private static final String COMPLETE = "complete";

	/** The most an entry's time can precede its event's: they are taken in the same short transaction. */
	private static final Duration WRITTEN_BEFORE = Duration.ofSeconds(1);

	/** Members written by one call of the script while rebuilding. */
	private static final int BATCH = 500;

	/**
	 * KEYS: the sorted set and hash of versions (the newest entry each score has seen) of each board
	 * written. ARGV: for each board the seconds to keep both (0: for ever), then board (numbered from
	 * 1), member, score and version of each score. A posting's refresh writes one score on each of its
	 * boards, a rebuild many on one; either in one call.
	 */
	private static final RedisScript<Long> WRITE = RedisScript.of("""
			local boards = #KEYS / 2
			local written = 0
			for i = boards + 1, #ARGV, 4 do
			  local scores, versions = KEYS[2 * tonumber(ARGV[i]) - 1], KEYS[2 * tonumber(ARGV[i])]
			  local member, score, version = ARGV[i + 1], tonumber(ARGV[i + 2]), tonumber(ARGV[i + 3])
			  if version >= tonumber(redis.call('HGET', versions, member) or '-1') then
			    redis.call('HSET', versions, member, version)
			    if score > 0 then
			      redis.call('ZADD', scores, score, member)
			    else
			      redis.call('ZREM', scores, member)
			    end
			    written = written + 1
			  end
			end
			for b = 1, boards do
			  local ttl = tonumber(ARGV[b])
			  if ttl > 0 then
			    redis.call('EXPIRE', KEYS[2 * b - 1], ttl)
			    redis.call('EXPIRE', KEYS[2 * b], ttl)
			  end
			end
			return written""", Long.class);

	private final StringRedisTemplate redis;

	private final LedgerTotals totals;

	private final Clock clock;

	private final ZoneId zone;

	private final LeaderboardProperties properties;

	/** Whether Redis failed a read or a write since the boards were last rebuilt. */
	private final AtomicBoolean redisMissed = new AtomicBoolean();

	Leaderboards(StringRedisTemplate redis, LedgerTotals totals, Clock clock, PointsProperties points,
			LeaderboardProperties properties) {
		this.redis = redis;
		this.totals = totals;
		this.clock = clock;
		this.zone = points.zone();
		this.properties = properties;
	}

	/**
	 * The current board's top, best first; rebuilt from the ledger first if Redis does not have it
	 * whole. While Redis cannot be reached the ledger answers, and the boards are rebuilt once it is back.
	 */
	public Leaderboard top(LeaderboardKind kind, LeaderboardPeriod period) {
		LeaderboardPeriod.Window window = period.windowAt(clock.instant(), zone);
		Board board = new Board(kind, window);
		List<Total> top;
		try {
			top = fromRedis(board);
		}
		catch (DataAccessException ex) {
			missed(ex);
			top = totals.top(kind.account(), window.from(), window.to(), properties.size());
		}
		List<Ranking> rankings = new ArrayList<>();
		for (Total entry : top) {
			Ranking previous = rankings.isEmpty() ? null : rankings.getLast();
			int rank = previous != null && previous.score() == entry.amount() ? previous.rank() : rankings.size() + 1;
			rankings.add(new Ranking(rank, entry.member(), entry.amount()));
		}
		return new Leaderboard(kind, window, rankings);
	}

	/** The member's place on the current board, if they are on it; from the ledger while Redis is away. */
	public Optional<Ranking> rankOf(LeaderboardKind kind, LeaderboardPeriod period, MemberId member) {
		LeaderboardPeriod.Window window = period.windowAt(clock.instant(), zone);
		Board board = new Board(kind, window);
		try {
			ensureComplete(board);
			Double score = redis.opsForZSet().score(board.scores(), member.toString());
			if (score == null) {
				return Optional.empty();
			}
			// scores are whole numbers: those above this one are the ones at least half a point higher
			Long above = redis.opsForZSet().count(board.scores(), score + 0.5, Double.POSITIVE_INFINITY);
			return Optional.of(new Ranking((int) (above == null ? 0 : above) + 1, member, Math.round(score)));
		}
		catch (DataAccessException ex) {
			missed(ex);
			long score = totals.total(member, kind.account(), window.from(), window.to()).amount();
			// a board holds only members above nothing, in Redis as here
			return score > 0 ? Optional.of(new Ranking(
					Math.toIntExact(totals.above(kind.account(), window.from(), window.to(), score)) + 1, member, score))
					: Optional.empty();
		}
	}

	private List<Total> fromRedis(Board board) {
		ensureComplete(board);
		Set<TypedTuple<String>> top = redis.opsForZSet().reverseRangeWithScores(board.scores(), 0, properties.size() - 1);
		List<Total> scores = new ArrayList<>();
		if (top != null) {
			for (TypedTuple<String> entry : top) {
				scores.add(new Total(new MemberId(Long.parseLong(entry.getValue())), Math.round(entry.getScore()), 0));
			}
		}
		return scores;
	}

	/**
	 * Redis could not be read or written: what it holds may now lag behind the ledger (an update it
	 * missed is delivered again, but perhaps only after a long back-off), so the next check rebuilds
	 * every current board once Redis answers again.
	 */
	private void missed(DataAccessException ex) {
		if (!redisMissed.getAndSet(true)) {
			log.warn("Leaderboards read from the ledger while Redis is away: {}", ex.toString());
		}
	}

	/**
	 * Sets the members' scores on the boards of the account's kind whose windows hold the instant
	 * (their entries' posting time) to their totals in the ledger. The entries are written a moment
	 * before their event is, so at the turn of a week or a month the board just ended is set as well.
	 * One query reads every total and one script call writes them: this runs for every transaction
	 * that posts.
	 */
	public void refresh(Collection<MemberId> members, Account account, Instant at) {
		try {
			write(members, account, at);
		}
		catch (DataAccessException ex) {
			missed(ex);
			throw ex;
		}
	}

	private void write(Collection<MemberId> members, Account account, Instant at) {
		LeaderboardKind kind = LeaderboardKind.of(account);
		Map<Board, Long> boards = new LinkedHashMap<>();
		for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
			for (Instant instant : List.of(at, at.minus(WRITTEN_BEFORE))) {
				Board board = new Board(kind, period.windowAt(instant, zone));
				long keep = secondsToKeep(board);
				if (keep >= 0) {
					boards.putIfAbsent(board, keep);
				}
			}
		}
		if (boards.isEmpty()) {
			return;
		}
		List<LedgerTotals.Span> spans = boards.keySet()
			.stream()
			.map(board -> new LedgerTotals.Span(board.window().from(), board.window().to()))
			.toList();
		Map<MemberId, List<Total>> scores = totals.totals(members, account, spans);
		List<String> keys = new ArrayList<>(2 * boards.size());
		List<String> args = new ArrayList<>(boards.size() * (1 + 4 * scores.size()));
		boards.forEach((board, keep) -> {
			keys.add(board.scores());
			keys.add(board.versions());
			args.add(Long.toString(keep));
		});
		for (List<Total> memberScores : scores.values()) {
			for (int i = 0; i < memberScores.size(); i++) {
				addScore(args, i + 1, memberScores.get(i));
			}
		}
		redis.execute(WRITE, keys, args.toArray());
	}

	/**
	 * Rebuilds each current board that Redis does not have whole, or every current board after Redis
	 * was away. Returns how many were rebuilt.
	 */
	public int rebuildMissing() {
		boolean afterOutage = redisMissed.getAndSet(false);
		try {
			int rebuilt = 0;
			Instant now = clock.instant();
			for (LeaderboardKind kind : LeaderboardKind.values()) {
				for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
					Board board = new Board(kind, period.windowAt(now, zone));
					if (afterOutage ? rebuild(board) : ensureComplete(board)) {
						rebuilt++;
					}
				}
			}
			return rebuilt;
		}
		catch (DataAccessException ex) {
			if (afterOutage) {
				redisMissed.set(true);
			}
			throw ex;
		}
	}

	/**
	 * Sets every score of the board to the ledger's totals again, taking off the members whose total
	 * fell to nothing meanwhile. Readers see the old scores until the new ones are written.
	 */
	private boolean rebuild(Board board) {
		Set<String> shown = redis.opsForZSet().range(board.scores(), 0, -1);
		redis.opsForHash().delete(board.versions(), COMPLETE);
		ensureComplete(board);
		if (shown != null && !shown.isEmpty()) {
			Set<String> kept = new HashSet<>();
			totals.totals(board.kind().account(), board.window().from(), board.window().to())
				.forEach(total -> kept.add(total.member().toString()));
			long keep = secondsToKeep(board);
			List<Total> fallen = shown.stream()
				.filter(member -> !kept.contains(member))
				.map(member -> totals.total(new MemberId(Long.parseLong(member)), board.kind().account(),
						board.window().from(), board.window().to()))
				.toList();
			write(board, keep, fallen);
		}
		return true;
	}

	/** Rebuilds the board from the ledger unless Redis has it whole; returns whether it did. */
	private boolean ensureComplete(Board board) {
		if (Boolean.TRUE.equals(redis.opsForHash().hasKey(board.versions(), COMPLETE))) {
			return false;
		}
		long keep = secondsToKeep(board);
		List<Total> all = totals.totals(board.kind().account(), board.window().from(), board.window().to());
		for (int i = 0; i < all.size(); i += BATCH) {
			write(board, keep, all.subList(i, Math.min(all.size(), i + BATCH)));
		}
		// written after the scores: a board is only called complete once every score is in
		redis.opsForHash().put(board.versions(), COMPLETE, clock.instant().toString());
		if (keep > 0) {
			redis.expire(board.versions(), Duration.ofSeconds(keep));
		}
		return true;
	}

	private void write(Board board, long keep, List<Total> scores) {
		if (scores.isEmpty()) {
			return;
		}
		List<String> args = new ArrayList<>(1 + 4 * scores.size());
		args.add(Long.toString(Math.max(0, keep)));
		for (Total total : scores) {
			addScore(args, 1, total);
		}
		redis.execute(WRITE, List.of(board.scores(), board.versions()), args.toArray());
	}

	/** The script's arguments for one score on the board of this number. */
	private static void addScore(List<String> args, int board, Total total) {
		args.add(Integer.toString(board));
		args.add(total.member().toString());
		args.add(Long.toString(total.amount()));
		args.add(Long.toString(total.asOf()));
	}

	/**
	 * How long a board stays in Redis from now, in seconds: 0 for ever (all time), -1 if its window
	 * ended too long ago to keep (a late event about a past week writes nothing).
	 */
	private long secondsToKeep(Board board) {
		if (board.window().isAllTime()) {
			return 0;
		}
		long seconds = Duration.between(clock.instant(), board.window().to().plus(properties.keepPast())).toSeconds();
		return seconds > 0 ? seconds : -1;
	}

	/** One leaderboard in Redis: a sorted set of scores by member id, and a hash of their versions. */
	private record Board(LeaderboardKind kind, LeaderboardPeriod.Window window) {

		String scores() {
			return PREFIX + kind.name().toLowerCase(Locale.ROOT) + ":"
					+ window.period().name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + window.key();
		}

		String versions() {
			return scores() + ":versions";
		}
	}
}
