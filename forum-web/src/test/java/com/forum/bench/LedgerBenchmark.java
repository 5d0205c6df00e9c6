package com.forum.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.LedgerReconciliation;
import com.forum.points.PointsProperties;
import com.forum.points.PostingBatches;
import com.forum.points.ReconciliationReport;
import com.forum.web.SeededMember;

/**
 * {@code ./forum bench-ledger}: how fast the points ledger posts under concurrent writers, and what
 * reading a busy member's balance and first page of history costs. Runs the application on throwaway
 * services (fresh PostgreSQL, Redis and Elasticsearch, deleted at exit), so it never writes into the
 * data of {@code ./forum start}, and prints a table.
 *
 * <p>
 * The writers post what taking part earns, as the earning rules do: a like (points and reputation, each
 * under its daily cap, with the liker as source), a reply, a vote, an accepted answer; each earning goes
 * through {@link PostingBatches}, as it does from an event listener, for a member drawn from many. Afterwards every balance is reconciled with its entries.
 */
public final class LedgerBenchmark {

	/**
	 * @param writers concurrent writers, each posting in its own transactions
	 * @param postings postings measured (after the warm-up)
	 * @param warmup postings first, unmeasured, for the JIT and the connection pool
	 * @param members members the postings are spread over
	 * @param history entries each member has before the run, as months of taking part leave them
	 * @param historyEntries entries of the member whose balance and history are read
	 * @param reads balance reads and history reads measured
	 */
	public record Settings(int writers, int postings, int warmup, int members, int history, int historyEntries,
			int reads) {

		public static final Settings DEFAULT = new Settings(32, 100_000, 10_000, 10_000, 20, 10_000, 2_000);

		/** {@code --writers=8 --postings=20000 ...}; anything else is left to the application. */
		static Settings from(String[] args) {
			Settings s = DEFAULT;
			for (String arg : args) {
				String[] pair = arg.replaceFirst("^--", "").split("=", 2);
				if (pair.length == 2 && pair[1].matches("\\d+")) {
					int v = Integer.parseInt(pair[1]);
					s = switch (pair[0]) {
						case "writers" -> new Settings(v, s.postings, s.warmup, s.members, s.history, s.historyEntries, s.reads);
						case "postings" -> new Settings(s.writers, v, s.warmup, s.members, s.history, s.historyEntries, s.reads);
						case "warmup" -> new Settings(s.writers, s.postings, v, s.members, s.history, s.historyEntries, s.reads);
						case "members" -> new Settings(s.writers, s.postings, s.warmup, v, s.history, s.historyEntries, s.reads);
						case "history" -> new Settings(s.writers, s.postings, s.warmup, s.members, v, s.historyEntries, s.reads);
						case "history-entries" -> new Settings(s.writers, s.postings, s.warmup, s.members, s.history, v, s.reads);
						case "reads" -> new Settings(s.writers, s.postings, s.warmup, s.members, s.history, s.historyEntries, v);
						default -> s;
					};
				}
			}
			return s;
		}
	}

	/**
	 * What was measured.
	 *
	 * @param postingsPerSecond postings per second, all writers together
	 * @param reactionsHeld whether the listeners' reactions to the postings waited until the postings
	 *        were done ({@code ./forum bench-ledger}), so that the ledger was measured alone
	 * @param cpu the processor time the postings took, in the application and in PostgreSQL (with
	 *        what the listeners did meanwhile, unless their reactions were held)
	 * @param withReactions the same from the start of the postings until every listener reacting to
	 *        them (badges, leaderboards) has finished: what a posting costs in all
	 * @param catchingUp how long the listeners took to finish after the postings
	 * @param balance latencies of reading a balance, in microseconds
	 * @param history latencies of reading the first page (20) of history with its total, in microseconds
	 * @param readCpu the processor time the reads took, in the application and in PostgreSQL
	 * @param reconciliation the check of every balance against its entries afterwards
	 */
	public record Figures(Settings settings, long postings, Duration took, double postingsPerSecond,
			boolean reactionsHeld, Cpu cpu, Cpu withReactions, Duration catchingUp, Latencies balance,
			Latencies history, Cpu readCpu, ReconciliationReport reconciliation) {

		public void print(PrintStream out) {
			out.printf("%nLedger benchmark: %d cores, %d writers, %,d postings over %,d members with %d past entries each%n",
					Runtime.getRuntime().availableProcessors(), settings.writers(), postings, settings.members(),
					settings.history());
			String alone = reactionsHeld ? ", ledger alone" : "";
			out.println("| measure                                                    | value          |");
			out.println("| ---------------------------------------------------------- | -------------- |");
			out.printf("| postings per second%-39s | %,14.0f |%n", alone, postingsPerSecond);
			out.printf("| CPU per posting%-43s | %4.0f + %4.0f us |%n", alone + ": application + PostgreSQL",
					cpu.used().application().toNanos() / 1e3 / postings, cpu.used().database().toNanos() / 1e3 / postings);
			out.printf("| postings per second the %d cores allow%-21s | %,14.0f |%n", cpu.cores(), alone,
					postings * cpu.cores() / (cpu.total().toNanos() / 1e9));
			out.printf("| CPU per posting, listeners' reactions included             | %4.0f + %4.0f us |%n",
					withReactions.used().application().toNanos() / 1e3 / postings,
					withReactions.used().database().toNanos() / 1e3 / postings);
			out.printf("| postings per second the %d cores allow, reactions included  | %,14.0f |%n", withReactions.cores(),
					postings * withReactions.cores() / (withReactions.total().toNanos() / 1e9));
			out.printf("| reactions finished after the postings, in                  | %12.1f s |%n",
					catchingUp.toMillis() / 1000.0);
			out.printf("| load average while posting (other processes too)           | %14.1f |%n", cpu.loadAverage());
			out.printf("| balance of a member with %,6d entries, median            | %11.2f ms |%n", settings.historyEntries(),
					balance.median() / 1000.0);
			out.printf("| balance of a member with %,6d entries, p99               | %11.2f ms |%n", settings.historyEntries(),
					balance.p99() / 1000.0);
			out.printf("| first history page of %,6d entries, median               | %11.2f ms |%n", settings.historyEntries(),
					history.median() / 1000.0);
			out.printf("| first history page of %,6d entries, p99                  | %11.2f ms |%n", settings.historyEntries(),
					history.p99() / 1000.0);
			out.printf("| CPU per balance and history page read, together            | %11.2f ms |%n",
					readCpu.total().toNanos() / 1e6 / settings.reads());
			out.printf("| balances reconciled afterwards (mismatches)                | %,9d (%d) |%n",
					reconciliation.balances(), reconciliation.mismatched());
		}
	}

	/**
	 * Processor time spent, and the load of the whole machine meanwhile. The cores' capacity divided by
	 * the time a posting costs is the rate an otherwise idle machine allows.
	 */
	public record Cpu(ProcessorTime.Used used, int cores, double loadAverage) {

		public Duration total() {
			return used.total();
		}
	}

	public record Latencies(long median, long p99) {

		static Latencies of(long[] micros) {
			long[] sorted = micros.clone();
			Arrays.sort(sorted);
			return new Latencies(sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1]);
		}
	}

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private final Ledger ledger;

	private final PostingBatches batches;

	private final LedgerReconciliation reconciliation;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final PointsProperties rules;

	private final ReactionGate gate;

	/**
	 * @param gate the gate in front of the listeners, to measure the ledger alone; null to let them
	 *        react while the postings are measured
	 */
	public LedgerBenchmark(Ledger ledger, PostingBatches batches, LedgerReconciliation reconciliation,
			JdbcTemplate jdbc, TransactionTemplate tx, PointsProperties rules, ReactionGate gate) {
		this.gate = gate;
		this.ledger = ledger;
		this.batches = batches;
		this.reconciliation = reconciliation;
		this.jdbc = jdbc;
		this.tx = tx;
		this.rules = rules;
	}

	public static void main(String[] args) {
		Settings settings = Settings.from(args);
		List<String> arguments = new ArrayList<>(List.of(args));
		// no web server, and the listeners behind a gate, to measure the ledger alone
		arguments.addAll(List.of("--spring.main.web-application-type=none", "--logging.level.com.forum=WARN"));
		ConfigurableApplicationContext context = Benchmarks.start(arguments, ReactionGate.Wiring.class);
		Benchmarks.runAndExit(context, () -> {
			LedgerBenchmark benchmark = new LedgerBenchmark(context.getBean(Ledger.class), context.getBean(PostingBatches.class),
					context.getBean(LedgerReconciliation.class), context.getBean(JdbcTemplate.class),
					context.getBean(TransactionTemplate.class), context.getBean(PointsProperties.class),
					ReactionGate.instance());
			Figures figures = benchmark.run(settings);
			figures.print(System.out);
			return figures.reconciliation().clean();
		});
	}

	public Figures run(Settings settings) throws Exception {
		List<MemberId> members = SeededMember.many(jdbc, settings.members());
		seedPastActivity(members, settings.history());
		Instant since = Instant.now();
		post(settings.writers(), settings.warmup(), members);
		awaitReactions(since);
		ProcessorTime cpu = ProcessorTime.now(jdbc);
		if (gate != null) {
			gate.hold();
		}
		long started = System.nanoTime();
		long posted = post(settings.writers(), settings.postings(), members);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		Cpu used = new Cpu(cpu.until(jdbc), CORES, load());
		long released = System.nanoTime();
		if (gate != null) {
			gate.release();
		}
		awaitReactions(since);
		Duration catchingUp = Duration.ofNanos(System.nanoTime() - released);
		Cpu withReactions = new Cpu(cpu.until(jdbc), CORES, load());

		MemberId busy = SeededMember.many(jdbc, 1).getFirst();
		seedHistory(busy, settings.historyEntries());
		for (int i = 0; i < Math.min(200, settings.reads()); i++) { // warm-up
			ledger.balance(busy, Account.POINTS);
			ledger.history(busy, Account.POINTS, 0, 20);
		}
		long[] balance = new long[settings.reads()];
		long[] history = new long[settings.reads()];
		ProcessorTime readCpu = ProcessorTime.now(jdbc);
		for (int i = 0; i < settings.reads(); i++) {
			long t0 = System.nanoTime();
			ledger.balance(busy, Account.POINTS);
			long t1 = System.nanoTime();
			ledger.history(busy, Account.POINTS, 0, 20);
			long t2 = System.nanoTime();
			balance[i] = (t1 - t0) / 1_000;
			history[i] = (t2 - t1) / 1_000;
		}
		Cpu reading = new Cpu(readCpu.until(jdbc), CORES, load());
		return new Figures(settings, posted, took, posted / (took.toNanos() / 1e9), gate != null, used, withReactions,
				catchingUp, Latencies.of(balance),
				Latencies.of(history), reading, reconciliation.check(false));
	}

	/**
	 * Waits until the listeners have finished with every posting's event since then (delivered,
	 * or failed and left to the retry job), at most ten minutes.
	 */
	private void awaitReactions(Instant since) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (System.nanoTime() < deadline && jdbc.queryForObject("""
				select count(*) from event_publication where publication_date >= ?
				and event_type like '%LedgerPosted' and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')""",
				Long.class, Timestamp.from(since)) > 0) {
			Thread.sleep(250);
		}
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/** Posts this many times from this many writers at once; returns the number of postings. */
	private long post(int writers, int postings, List<MemberId> members) throws Exception {
		AtomicLong left = new AtomicLong(postings);
		AtomicLong posted = new AtomicLong();
		try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				done.add(pool.submit(() -> {
					ThreadLocalRandom random = ThreadLocalRandom.current();
					while (left.get() > 0) {
						MemberId member = members.get(random.nextInt(members.size()));
						MemberId source = members.get(random.nextInt(members.size()));
						int n = earn(member, source, random.nextInt(10));
						left.addAndGet(-n);
						posted.addAndGet(n);
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		return posted.get();
	}

	/**
	 * One earning as the earning rules post it: its points and reputation together, outside a
	 * transaction of the caller's, so that they share one with concurrent earnings. Returns the number
	 * of postings.
	 */
	private int earn(MemberId member, MemberId source, int dice) {
		String reason = dice < 6 ? "like-received" : dice < 8 ? "reply-posted" : dice < 9 ? "vote-received"
				: "answer-accepted";
		String subject = "reply:" + UUID.randomUUID();
		String thread = "topic:" + ThreadLocalRandom.current().nextInt(1, 5_001);
		String cause = reason + ":" + subject + ":by:" + source.value();
		return batches.post(rules.earnings(member, reason, cause, subject, thread, source)).size();
	}

	/**
	 * What months of taking part leave in the ledger: per member, replies and likes received (fewer
	 * than ten likes, so that the likes badges are still ahead) spread over the last sixty days, with
	 * their balances; then the statistics autovacuum would have gathered on tables this size. Without
	 * them the planner plans the postings' lookups for the empty tables the run starts with.
	 */
	private void seedPastActivity(List<MemberId> members, int perMember) {
		Long[] ids = members.stream().map(MemberId::value).toArray(Long[]::new);
		tx.executeWithoutResult(status -> {
			jdbc.update("""
					insert into ledger_entry (member_id, account, amount, reason, cause_key, subject, parent,
					    source_member_id, local_day, created_at)
					select m.id, a.account, case when a.account = 'POINTS' then 2 else 10 end,
					       case when g % 4 = 0 then 'like-received' else 'reply-posted' end,
					       'bench:past:' || m.id || ':' || g, 'reply:past:' || m.id || ':' || g, 'topic:' || (g % 500),
					       case when g % 4 = 0 then ids[cast(1 + (m.n + g) % cardinality(ids) as int)] end,
					       current_date - (g * 3 % 60), now() - make_interval(days => g * 3 % 60, mins => g)
					from unnest(cast(? as bigint[])) with ordinality as m(id, n)
					cross join (select cast(? as bigint[]) as ids) i
					cross join generate_series(1, ?) g
					cross join (values ('POINTS'), ('REPUTATION')) as a(account)
					where a.account = 'POINTS' or g % 4 = 0""", ids, ids, perMember);
			jdbc.update("""
					insert into ledger_balance (member_id, account, balance, held, updated_at)
					select member_id, account, sum(amount), 0, now() from ledger_entry
					where member_id = any(cast(? as bigint[])) group by member_id, account
					on conflict (member_id, account) do update set balance = excluded.balance""", (Object) ids);
		});
		jdbc.execute("vacuum analyze");
	}

	/** A member with this many entries, written in bulk with their balance, as years of activity would leave. */
	private void seedHistory(MemberId member, int entries) {
		tx.executeWithoutResult(status -> {
			jdbc.update("""
					insert into ledger_entry (member_id, account, amount, reason, cause_key, subject, local_day, created_at)
					select ?, 'POINTS', 2, 'like-received', 'bench:history:' || ? || ':' || g, 'reply:' || g,
					       current_date - (g / 20), now() - make_interval(mins => g)
					from generate_series(1, ?) g""", member.value(), member.value(), entries);
			jdbc.update("""
					insert into ledger_balance (member_id, account, balance, held, updated_at)
					values (?, 'POINTS', ?, 0, now())""", member.value(), 2L * entries);
		});
		// as autovacuum leaves a table: the visibility map lets the count of a member's entries read the index alone
		jdbc.execute("vacuum analyze ledger_entry");
	}
}
