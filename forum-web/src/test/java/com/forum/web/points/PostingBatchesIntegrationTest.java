package com.forum.web.points;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.Ledger;
import com.forum.points.LedgerReconciliation;
import com.forum.points.Posted;
import com.forum.points.Posting;
import com.forum.points.PostingBatches;
import com.forum.shared.RuleViolationException;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Earnings of concurrent callers share transactions ({@link PostingBatches}), against the real
 * PostgreSQL: however they are grouped, each cause posts once, a daily cap holds across the group,
 * balances stay the sums of their entries, and one caller's refusal is never another's.
 */
@IntegrationTest
class PostingBatchesIntegrationTest {

	private static final Posting.DailyCap CAP = new Posting.DailyCap(20, Set.of("like-received"));

	@Autowired
	PostingBatches batches;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerReconciliation reconciliation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void concurrentEarningsPostEachCauseOnceAndNeverPastTheDailyCap() throws Exception {
		List<MemberId> members = SeededMember.many(jdbc, 3);
		int callers = 48;
		CyclicBarrier start = new CyclicBarrier(callers);
		List<Posted> posted = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			List<Future<List<Posted>>> done = new ArrayList<>();
			for (int caller = 0; caller < callers; caller++) {
				int n = caller;
				done.add(pool.submit(() -> {
					start.await();
					// 24 likes, each delivered to two callers (a redelivered event), and posted twice
					// by each: eight likes of 3 points for each member, more than the cap allows
					MemberId member = members.get(n % members.size());
					String cause = "like:reply:" + (n % 24) + ":by:" + members.getFirst().value();
					List<Posting> earning = List.of(
							Posting.of(member, Account.POINTS, 3, "like-received", cause).capped(CAP),
							Posting.of(member, Account.REPUTATION, 10, "like-received", cause),
							Posting.of(member, Account.POINTS, 3, "like-received", cause).capped(CAP));
					return batches.post(earning);
				}));
			}
			for (Future<List<Posted>> future : done) {
				posted.addAll(future.get());
			}
		}

		for (MemberId member : members) {
			Long points = jdbc.queryForObject(
					"select sum(amount) from ledger_entry where member_id = ? and account = 'POINTS'", Long.class,
					member.value());
			Long causes = jdbc.queryForObject("""
					select count(distinct cause_key) from ledger_entry where member_id = ? and account = 'REPUTATION'""",
					Long.class, member.value());
			Long entries = jdbc.queryForObject("select count(*) from ledger_entry where member_id = ?", Long.class,
					member.value());
			assertThat(points).isEqualTo(20); // 8 likes of 3 points each, capped at 20 a day
			assertThat(causes).isEqualTo(8);
			assertThat(entries).isEqualTo(16); // each cause once per account, however often it came
			assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(20);
			assertThat(ledger.balance(member, Account.REPUTATION).balance()).isEqualTo(80);
		}
		assertThat(posted.stream().filter(Posted::isNew).count()).isEqualTo(3 * 16);
		assertThat(reconciliation.check(false).mismatched()).isZero();
	}

	@Test
	void aSpendingRefusedInAGroupLeavesTheOtherCallersPostingsStanding() throws Exception {
		List<MemberId> members = SeededMember.many(jdbc, 20);
		MemberId poor = members.getFirst();
		int callers = members.size();
		CyclicBarrier start = new CyclicBarrier(callers);
		AtomicInteger refused = new AtomicInteger();
		Set<String> failures = ConcurrentHashMap.newKeySet();
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			List<Future<?>> done = new ArrayList<>();
			for (MemberId member : members) {
				done.add(pool.submit(() -> {
					start.await();
					try {
						batches.post(member.equals(poor)
								? List.of(Posting.of(poor, Account.POINTS, -50, "shop", "spend:" + poor.value()))
								: List.of(Posting.of(member, Account.POINTS, 5, "reply-posted", "reply:" + member.value())));
					}
					catch (RuleViolationException ex) {
						refused.incrementAndGet();
					}
					catch (RuntimeException ex) {
						failures.add(ex.toString());
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}

		assertThat(failures).isEmpty();
		assertThat(refused).hasValue(1);
		assertThat(ledger.balance(poor, Account.POINTS).balance()).isZero();
		for (MemberId member : members.subList(1, members.size())) {
			assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(5);
		}
	}

	@Test
	void insideATransactionPostingsCommitOrRollBackWithTheCallersWrites() {
		MemberId member = SeededMember.many(jdbc, 1).getFirst();

		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			batches.post(List.of(Posting.of(member, Account.POINTS, 5, "reply-posted", "reply:rolled-back")));
			throw new IllegalStateException("the caller's own write failed");
		})).isInstanceOf(IllegalStateException.class);
		tx.executeWithoutResult(status -> batches
			.post(List.of(Posting.of(member, Account.POINTS, 7, "reply-posted", "reply:committed"))));

		assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(7);
		assertThat(jdbc.queryForObject("select count(*) from ledger_entry where member_id = ?", Long.class,
				member.value())).isEqualTo(1);
	}
}
