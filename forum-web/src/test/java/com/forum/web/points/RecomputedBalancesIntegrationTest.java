package com.forum.web.points;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.forum.bench.ProcessorTime;
import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.discussion.Discussions;
import com.forum.discussion.ReplyId;
import com.forum.discussion.TopicId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionSubmission;
import com.forum.petition.PetitionVoting;
import com.forum.points.CheckIns;
import com.forum.points.Hold;
import com.forum.points.LedgerReconciliation;
import com.forum.points.PointsHolds;
import com.forum.points.PointsProperties;
import com.forum.points.PointsProperties.Earning;
import com.forum.points.ReconciliationReport;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated activity of a thousand members, more than fifty thousand actions through the real services
 * and event listeners (threads, replies, likes and unlikes, accepted answers, votes and unvotes,
 * deletions, check-ins, holds captured and released), after which every member's points and reputation,
 * kept incrementally, equal what is recomputed from the facts: from the ledger's entries, and
 * independently from the forum's own tables (live posts, likes, votes, accepted answers, check-ins,
 * captured holds) times the rules of {@code config/community.yml}, daily caps included.
 *
 * <p>
 * A capped earning depends on the order the facts arrived in once some of them are reversed, which the
 * tables do not record. The generator therefore keeps two kinds of members: most stay under every daily
 * cap (so a reversal takes back exactly what was earned), and fifty popular members go far over the
 * caps but nothing they earned is ever reversed (their posts are never unliked or deleted, their
 * petitions never unvoted); only they spend, through holds, since a reversal never takes back points
 * already spent. Every member lives in a zone where it is midday now, so that the whole run falls
 * within one day of the caps.
 */
@IntegrationTest
class RecomputedBalancesIntegrationTest {

	/**
	 * A thousand members and their fifty thousand actions take minutes of both cores, so
	 * {@code ./forum test} runs 70 of them (at 60 a check failed in an earlier session) and
	 * {@code ./forum recompute} the whole ({@code -Dforum.recompute.members=1000}); every count below keeps
	 * its share of the members.
	 */
	private static final int MEMBERS = Integer.getInteger("forum.recompute.members", 70);

	private static final int POPULAR = scaled(50);

	private static final int THREADS = scaled(2_500);

	private static final int PETITIONS = scaled(400);

	private static final int REPLIES = scaled(7_000);

	private static final int LIKES = scaled(24_000);

	private static final int VOTES = scaled(11_500);

	private static final int UNLIKES = scaled(2_000);

	private static final int UNVOTES = scaled(1_000);

	private static final int ACCEPTED = scaled(800);

	private static final int DELETED_REPLIES = scaled(600);

	private static final int DELETED_THREADS = scaled(150);

	private static final int HOLDS = scaled(1_000);

	private static final int THREADS_PER_MEMBER = 5;

	private static final int REPLIES_PER_MEMBER = 20;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	Discussions discussions;

	@Autowired
	PetitionSubmission submission;

	@Autowired
	PetitionVoting voting;

	@Autowired
	CheckIns checkIns;

	@Autowired
	PointsHolds holds;

	@Autowired
	BoardCatalog boards;

	@Autowired
	PointsProperties rules;

	@Autowired
	LedgerReconciliation reconciliation;

	private final Random random = new Random(20261129);

	private final AtomicInteger actions = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	/** The live facts each member's earnings are recomputed from, by reason. */
	private final Map<String, Map<Long, Long>> facts = new HashMap<>();

	@Test
	void recomputingEveryBalanceFromTheFactsGivesTheIncrementallyKeptOnes() throws Exception {
		Instant started = Instant.now();
		ProcessorTime cpuBefore = ProcessorTime.now(jdbc);
		List<MemberId> members = SeededMember.many(jdbc, MEMBERS);
		// midday in every member's zone: the whole run is one day for the daily caps
		int offset = Math.floorMod(12 - started.atOffset(ZoneOffset.UTC).getHour() + 12, 24) - 12;
		jdbc.update("update member set time_zone = ? where id = any(?)", ZoneOffset.ofHours(offset).getId(),
				ids(members));
		Activity activity = new Activity(members);
		BoardId board = boards.get("support").id();

		// threads and petitions
		List<Runnable> step = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			MemberId author = activity.threadAuthor();
			int n = i;
			step.add(() -> activity.threads.add(new Question(discussions.startTopic(actor(author), board,
					"Recompute probe " + n, "A question of the generated activity, number " + n + "."), author)));
		}
		for (int i = 0; i < PETITIONS; i++) {
			MemberId author = members.get(i < 2 * POPULAR ? i % POPULAR : random.nextInt(MEMBERS));
			int n = i;
			step.add(() -> activity.petitions.add(new Petition(submission.submit(actor(author), new PetitionDraft(board,
					"Recompute petition " + n + " " + Long.toString(random.nextLong(), 36),
					"A petition of the generated activity.", null, null, Set.of())), author)));
		}
		run("threads and petitions", step);

		// replies, votes and check-ins (some twice)
		step = new ArrayList<>();
		List<Question> threads = new ArrayList<>(activity.threads);
		for (int i = 0; i < REPLIES; i++) {
			MemberId author = activity.replyAuthor();
			Question thread = pick(threads, t -> !t.author.equals(author));
			step.add(() -> activity.replies.add(new Reply(thread.id,
					discussions.reply(actor(author), thread.id, "An answer from the generated activity.", null),
					author)));
		}
		List<Petition> petitions = new ArrayList<>(activity.petitions);
		Set<String> voted = new HashSet<>();
		for (int i = 0; i < VOTES; i++) {
			Petition petition = activity.votable(petitions, i < VOTES / 2);
			MemberId voter = pick(members, m -> !m.equals(petition.author) && voted.add(petition.id + ":" + m));
			activity.received(petition.author, 0, 1);
			step.add(() -> voting.vote(actor(voter), petition.id, null));
			activity.votes.add(new Vote(petition, voter));
		}
		for (int i = 0; i < MEMBERS + MEMBERS / 2; i++) {
			MemberId member = members.get(i % MEMBERS);
			step.add(() -> checkIns.checkIn(member));
		}
		run("replies, votes and check-ins", step);

		// likes on threads and replies, and holds placed by the popular members
		step = new ArrayList<>();
		List<Post> posts = new ArrayList<>();
		threads.forEach(t -> posts.add(new Post(t.id, null, t.author)));
		activity.replies.forEach(r -> posts.add(new Post(r.thread, r.id, r.author)));
		List<Post> popularPosts = posts.stream().filter(p -> activity.isPopular(p.author)).toList();
		Set<String> liked = new HashSet<>();
		Map<String, Integer> likers = new HashMap<>();
		for (int i = 0; i < LIKES; i++) {
			// a post everyone else has liked already can take no more
			Predicate<Post> open = p -> likers.getOrDefault(p.key(), 0) < MEMBERS - 1;
			// half the likes go to the popular members while their posts can take more (at small scales
			// they have few threads, and each thread only as many likes as there are other members)
			boolean popular = i < LIKES / 2 && popularPosts.stream().anyMatch(open);
			Post post = activity.likeable(popular ? popularPosts : posts, open);
			MemberId liker = pick(members, m -> !m.equals(post.author) && liked.add(post.key() + ":" + m));
			likers.merge(post.key(), 1, Integer::sum);
			activity.received(post.author, 1, 0);
			step.add(() -> discussions.like(actor(liker), post.thread, post.reply));
			activity.likes.add(new Like(post, liker));
		}
		List<Long> placed = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < HOLDS; i++) {
			MemberId spender = members.get(i % POPULAR);
			int amount = 5 + random.nextInt(36);
			String cause = "recompute:hold:" + spender + ":" + i;
			step.add(() -> placed.add(holds.place(spender, amount, "test", cause, null).id()));
		}
		run("likes and holds", step);

		// taking back, accepting, deleting, capturing and releasing
		step = new ArrayList<>();
		List<Like> unlikable = activity.likes.stream().filter(l -> !activity.isPopular(l.post.author)).toList();
		for (Like like : sample(unlikable, UNLIKES)) {
			step.add(() -> discussions.unlike(actor(like.liker), like.post.thread, like.post.reply));
		}
		List<Vote> unvotable = activity.votes.stream().filter(v -> !activity.isPopular(v.petition.author)).toList();
		for (Vote vote : sample(unvotable, UNVOTES)) {
			step.add(() -> voting.unvote(actor(vote.voter), vote.petition.id));
		}
		Set<TopicId> answered = new HashSet<>();
		List<Reply> answers = new ArrayList<>(activity.replies);
		Collections.shuffle(answers, random);
		Map<TopicId, MemberId> askers = new HashMap<>();
		threads.forEach(t -> askers.put(t.id, t.author));
		for (Reply answer : answers) {
			if (answered.size() == ACCEPTED) {
				break;
			}
			if (answered.add(answer.thread)) {
				step.add(() -> discussions.acceptAnswer(actor(askers.get(answer.thread)), answer.thread, answer.id));
			}
		}
		List<Reply> normalReplies = activity.replies.stream().filter(r -> !activity.isPopular(r.author)).toList();
		for (Reply reply : sample(normalReplies, DELETED_REPLIES)) {
			step.add(() -> discussions.deleteReply(actor(reply.author), reply.thread, reply.id));
		}
		List<Question> normalThreads = threads.stream().filter(t -> !activity.isPopular(t.author)).toList();
		for (Question thread : sample(normalThreads, DELETED_THREADS)) {
			step.add(() -> discussions.deleteTopic(actor(thread.author), thread.id));
		}
		List<Long> placedHolds = new ArrayList<>(placed);
		Collections.shuffle(placedHolds, random);
		int captured = HOLDS / 2;
		int released = HOLDS * 8 / 10;
		int twice = HOLDS / 20;
		for (int i = 0; i < placedHolds.size() && i < captured; i++) {
			long hold = placedHolds.get(i);
			step.add(() -> holds.capture(hold));
			if (i < twice) {
				step.add(() -> holds.capture(hold)); // captured again: nothing more is spent
			}
		}
		for (int i = captured; i < placedHolds.size() && i < released; i++) {
			long hold = placedHolds.get(i);
			step.add(() -> holds.release(hold));
			if (i < captured + twice) {
				step.add(() -> holds.release(hold));
			}
		}
		run("unlikes, unvotes, answers, deletions, captures and releases", step);

		Duration acted = Duration.between(started, Instant.now());
		// every earning and reversal delivered
		awaitDelivered(Duration.ofMinutes(10));
		Duration settled = Duration.between(started, Instant.now());
		// and every other reaction to the activity (notifications, badges, leaderboards, search): what
		// this test set going must not still be running when the next test class counts on its own events
		awaitAllDelivered(started, Duration.ofMinutes(10));
		Duration drained = Duration.between(started, Instant.now());

		Map<Long, long[]> stored = stored(members);
		Map<Long, long[]> fromEntries = fromEntries(members);
		Map<Long, long[]> fromFacts = fromFacts(members);
		ReconciliationReport reconciled = reconciliation.check(false);
		Duration recomputed = Duration.between(started, Instant.now());
		ProcessorTime.Used cpu = cpuBefore.until(jdbc);
		long entries = jdbc.queryForObject("select count(*) from ledger_entry where member_id = any(?)", Long.class,
				(Object) ids(members));
		System.out.printf(
				"recompute: %d members, %d actions (%d refused by the rules), %d ledger entries; acted in %d s, "
						+ "earnings delivered after %d s, every other reaction after %d s, recomputed after %d s; "
						+ "%d balances reconciled in %d ms; CPU: %d s in the application, %d s in PostgreSQL; "
						+ "load average %.1f%n",
				MEMBERS, actions.get(), refused.get(), entries, acted.toSeconds(), settled.toSeconds(),
				drained.toSeconds(), recomputed.toSeconds(), reconciled.balances(), reconciled.took().toMillis(),
				cpu.application().toSeconds(), cpu.database().toSeconds(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

		assertThat(actions.get()).isGreaterThanOrEqualTo(50 * MEMBERS);
		assertThat(reconciled.mismatches()).isEmpty();
		for (MemberId member : members) {
			long id = member.value();
			assertThat(stored.get(id)).as("member %d's points, held and reputation against the entries and holds", id)
				.containsExactly(fromEntries.get(id));
			assertThat(stored.get(id))
				.as(() -> "member %d's points, held and reputation against the forum's facts; its entries:%n%s"
					.formatted(id, entriesOf(id)))
				.containsExactly(fromFacts.get(id));
		}
		// the generated activity reached the caps and reversed what it meant to
		assertThat(members.subList(0, POPULAR).stream().mapToLong(m -> stored.get(m.value())[2]).max().orElseThrow())
			.as("the popular members' reputation, which only likes and votes bring")
			.isEqualTo(rules.reputationCap().daily());
		assertThat(jdbc.queryForObject("select count(*) from ledger_entry where member_id = any(?) and reverses_id is not null",
				Long.class, (Object) ids(members))).isGreaterThan(UNLIKES);
	}

	/**
	 * A member's entries by account, reason and note (a reversal's note says what it reversed), to tell
	 * from a failure which kind of fact the ledger and the tables disagree on.
	 */
	private String entriesOf(long member) {
		StringBuilder entries = new StringBuilder();
		facts.forEach((reason, counts) -> entries.append("  facts %s: %d%n".formatted(reason, counts.getOrDefault(member, 0L))));
		jdbc.query("""
				select e.account, e.reason, coalesce(e.note, '') as note, count(*) as n, sum(e.amount) as total,
				       count(*) filter (where e.amount = 0) as zero,
				       count(*) filter (where exists (select 1 from ledger_entry r where r.reverses_id = e.id)) as reversed
				from ledger_entry e where e.member_id = ?
				group by e.account, e.reason, coalesce(e.note, '') order by 1, 2, 3""", rs -> {
			entries.append("  %s %s '%s': %d entries, %d in all, %d of them 0, %d reversed%n".formatted(
					rs.getString("account"), rs.getString("reason"), rs.getString("note"), rs.getLong("n"),
					rs.getLong("total"), rs.getLong("zero"), rs.getLong("reversed")));
		}, member);
		return entries.toString();
	}

	/** Points, held points and reputation as the balance rows keep them. */
	private Map<Long, long[]> stored(List<MemberId> members) {
		Map<Long, long[]> balances = zeros(members);
		named.query("select member_id, account, balance, held from ledger_balance where member_id in (:members)",
				new MapSqlParameterSource("members", List.of(ids(members))), rs -> {
					long[] b = balances.get(rs.getLong(1));
					if ("POINTS".equals(rs.getString(2))) {
						b[0] = rs.getLong(3);
						b[1] = rs.getLong(4);
					}
					else {
						b[2] = rs.getLong(3);
					}
				});
		return balances;
	}

	/** The same, summed from the ledger's entries and the open holds. */
	private Map<Long, long[]> fromEntries(List<MemberId> members) {
		Map<Long, long[]> balances = zeros(members);
		MapSqlParameterSource params = new MapSqlParameterSource("members", List.of(ids(members)));
		named.query("""
				select member_id, account, sum(amount) from ledger_entry where member_id in (:members)
				group by member_id, account""", params, rs -> {
			balances.get(rs.getLong(1))["POINTS".equals(rs.getString(2)) ? 0 : 2] = rs.getLong(3);
		});
		named.query("""
				select member_id, sum(amount) from points_hold where state = 'HELD' and member_id in (:members)
				group by member_id""", params, rs -> {
			balances.get(rs.getLong(1))[1] = rs.getLong(2);
		});
		return balances;
	}

	/**
	 * The same, from the forum's own tables and the rules: what each live fact earns, cut to the daily
	 * caps, less the holds captured.
	 */
	private Map<Long, long[]> fromFacts(List<MemberId> members) {
		MapSqlParameterSource params = new MapSqlParameterSource("members", List.of(ids(members)));
		Map<String, Map<Long, Long>> facts = this.facts;
		facts.put("topic-started", count("""
				select author_id, count(*) from topic where deleted_at is null and author_id in (:members)
				group by author_id""", params));
		facts.put("reply-posted", count("""
				select r.author_id, count(*) from reply r join topic t on t.id = r.topic_id
				where r.deleted_at is null and t.deleted_at is null and r.author_id <> t.author_id
				  and r.author_id in (:members)
				group by r.author_id""", params));
		facts.put("like-received", count("""
				select author, count(*) from (
				    select t.author_id as author, l.member_id as liker from post_like l
				    join topic t on l.post_kind = 'TOPIC' and t.id = l.post_id where t.deleted_at is null
				    union all
				    select r.author_id, l.member_id from post_like l
				    join reply r on l.post_kind = 'REPLY' and r.id = l.post_id join topic t on t.id = r.topic_id
				    where r.deleted_at is null and t.deleted_at is null) likes
				where author <> liker and author in (:members)
				group by author""", params));
		facts.put("vote-received", count("""
				select p.author_id, count(*) from petition_vote v join petition p on p.id = v.petition_id
				where v.member_id <> p.author_id and p.author_id in (:members)
				group by p.author_id""", params));
		facts.put("answer-accepted", count("""
				select r.author_id, count(*) from topic t join reply r on r.id = t.accepted_reply_id
				where t.deleted_at is null and r.deleted_at is null and r.author_id <> t.author_id
				  and r.author_id in (:members)
				group by r.author_id""", params));
		Map<Long, Long> checkedIn = count(
				"select member_id, count(*) from check_in where member_id in (:members) group by member_id", params);
		Map<Long, Long> spent = count("""
				select member_id, sum(amount) from points_hold where state = 'CAPTURED' and member_id in (:members)
				group by member_id""", params);
		Map<Long, Long> held = count("""
				select member_id, sum(amount) from points_hold where state = 'HELD' and member_id in (:members)
				group by member_id""", params);

		Map<Long, long[]> balances = new HashMap<>();
		for (MemberId member : members) {
			long id = member.value();
			long points = checkedIn.getOrDefault(id, 0L) * rules.checkIn().daily() - spent.getOrDefault(id, 0L);
			long cappedReputation = 0;
			long reputation = 0;
			for (var fact : facts.entrySet()) {
				Earning rule = rules.earning(fact.getKey());
				long n = fact.getValue().getOrDefault(id, 0L);
				points += rule.dailyPointsCap() == null ? n * rule.points()
						: Math.min(rule.dailyPointsCap(), n * rule.points());
				if (rules.reputationCap().reasons().contains(fact.getKey())) {
					cappedReputation += n * rule.reputation();
				}
				else {
					reputation += n * rule.reputation();
				}
			}
			reputation += Math.min(rules.reputationCap().daily(), cappedReputation);
			balances.put(id, new long[] { points, held.getOrDefault(id, 0L), reputation });
		}
		return balances;
	}

	private Map<Long, Long> count(String sql, MapSqlParameterSource params) {
		Map<Long, Long> counts = new HashMap<>();
		named.query(sql, params, rs -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		});
		return counts;
	}

	/** Runs a step's actions in a random order on a few threads; a refusal by the rules is an outcome too. */
	private void run(String name, List<Runnable> step) throws Exception {
		long started = System.nanoTime();
		Collections.shuffle(step, random);
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<?>> done = new ArrayList<>();
			for (Runnable action : step) {
				done.add(pool.submit(() -> {
					actions.incrementAndGet();
					try {
						action.run();
					}
					catch (RuntimeException ex) {
						refused.incrementAndGet();
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		System.out.printf("recompute: %,d %s in %,d ms, %,d earnings still to deliver%n", step.size(), name,
				(System.nanoTime() - started) / 1_000_000, undelivered());
	}

	/** Waits for the earnings to be delivered, asking once a second: the question scans the publications. */
	private void awaitDelivered(Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (undelivered() > 0) {
			assertThat(System.nanoTime()).as("earnings delivered within %s", limit).isLessThan(deadline);
			Thread.sleep(1_000);
		}
	}

	/**
	 * Waits until every publication since the start is delivered (completed ones move to the archive,
	 * and a failed one is retried by the deliveries job, so only time tells a broken listener).
	 */
	private void awaitAllDelivered(Instant since, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		Timestamp from = Timestamp.from(since);
		while (jdbc.queryForObject("select count(*) from event_publication where publication_date >= ?", Long.class,
				from) > 0) {
			if (System.nanoTime() > deadline) {
				assertThat(jdbc.queryForList("select distinct listener_id from event_publication "
						+ "where publication_date >= ?", String.class, from))
					.as("listeners still owed deliveries after %s", limit)
					.isEmpty();
			}
			Thread.sleep(1_000);
		}
	}

	/** A count of the thousand-member run, cut to this run's members. */
	private static int scaled(int countForAThousand) {
		return Math.max(1, countForAThousand * MEMBERS / 1_000);
	}

	private long undelivered() {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is null "
				+ "and listener_id like '%EarningRules%'", Long.class);
	}

	/** A random item that fits; when few do, random draws give way to a walk through them all. */
	private <T> T pick(List<T> items, Predicate<T> fits) {
		for (int attempt = 0; attempt < 1_000; attempt++) {
			T item = items.get(random.nextInt(items.size()));
			if (fits.test(item)) {
				return item;
			}
		}
		int start = random.nextInt(items.size());
		for (int i = 0; i < items.size(); i++) {
			T item = items.get((start + i) % items.size());
			if (fits.test(item)) {
				return item;
			}
		}
		throw new IllegalStateException("nothing fits");
	}

	private <T> List<T> sample(List<T> items, int count) {
		List<T> shuffled = new ArrayList<>(items);
		Collections.shuffle(shuffled, random);
		return shuffled.subList(0, Math.min(count, shuffled.size()));
	}

	private static Actor actor(MemberId member) {
		return new Actor(member, Role.MEMBER);
	}

	private static Long[] ids(List<MemberId> members) {
		return members.stream().map(MemberId::value).toArray(Long[]::new);
	}

	private static Map<Long, long[]> zeros(List<MemberId> members) {
		Map<Long, long[]> balances = new HashMap<>();
		members.forEach(m -> balances.put(m.value(), new long[3]));
		return balances;
	}

	/**
	 * The plan of the activity: who posts what, and how much each ordinary member has received so far,
	 * so that none of them reaches a daily cap.
	 */
	private final class Activity {

		final List<MemberId> members;

		final Set<MemberId> popular;

		final ConcurrentLinkedQueue<Question> threads = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Petition> petitions = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();

		final List<Like> likes = new ArrayList<>();

		final List<Vote> votes = new ArrayList<>();

		private final Map<MemberId, Integer> threadsBy = new HashMap<>();

		private final Map<MemberId, Integer> repliesBy = new HashMap<>();

		private final Map<MemberId, int[]> received = new HashMap<>();

		Activity(List<MemberId> members) {
			this.members = members;
			this.popular = Set.copyOf(members.subList(0, POPULAR));
		}

		boolean isPopular(MemberId member) {
			return popular.contains(member);
		}

		MemberId threadAuthor() {
			return next(threadsBy, THREADS_PER_MEMBER, () -> members.get(random.nextInt(MEMBERS)));
		}

		/** Only ordinary members reply: a popular member's earnings must never be reversed. */
		MemberId replyAuthor() {
			return next(repliesBy, REPLIES_PER_MEMBER, () -> members.get(POPULAR + random.nextInt(MEMBERS - POPULAR)));
		}

		Petition votable(List<Petition> all, boolean popularOnes) {
			return pick(all, p -> isPopular(p.author) == popularOnes && fits(p.author, 0, 1));
		}

		Post likeable(List<Post> candidates, Predicate<Post> open) {
			return pick(candidates, p -> open.test(p) && fits(p.author, 1, 0));
		}

		void received(MemberId author, int likes, int votes) {
			int[] got = received.computeIfAbsent(author, a -> new int[2]);
			got[0] += likes;
			got[1] += votes;
		}

		/** Whether an ordinary member can receive this much more without reaching a cap. */
		private boolean fits(MemberId author, int likes, int votes) {
			if (isPopular(author)) {
				return true;
			}
			int[] got = received.getOrDefault(author, new int[2]);
			Earning like = rules.earning("like-received");
			Earning vote = rules.earning("vote-received");
			long l = got[0] + likes;
			long v = got[1] + votes;
			return (like.dailyPointsCap() == null || l * like.points() <= like.dailyPointsCap())
					&& (vote.dailyPointsCap() == null || v * vote.points() <= vote.dailyPointsCap())
					&& l * like.reputation() + v * vote.reputation() <= rules.reputationCap().daily();
		}

		private MemberId next(Map<MemberId, Integer> counts, int most, Supplier<MemberId> candidates) {
			for (int attempt = 0; attempt < 1_000; attempt++) {
				MemberId member = candidates.get();
				if (counts.merge(member, 1, Integer::sum) <= most) {
					return member;
				}
				counts.merge(member, -1, Integer::sum);
			}
			throw new IllegalStateException("every member posted their most");
		}
	}

	private record Question(TopicId id, MemberId author) {
	}

	private record Reply(TopicId thread, ReplyId id, MemberId author) {
	}

	private record Petition(PetitionId id, MemberId author) {
	}

	private record Post(TopicId thread, ReplyId reply, MemberId author) {

		String key() {
			return thread + "/" + reply;
		}
	}

	private record Like(Post post, MemberId liker) {
	}

	private record Vote(Petition petition, MemberId voter) {
	}
}
