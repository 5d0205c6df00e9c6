package com.forum.bench;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.points.Ledger;
import com.forum.points.LedgerReconciliation;
import com.forum.points.PointsProperties;
import com.forum.points.PostingBatches;
import com.forum.web.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./forum bench-ledger} in miniature, so that the benchmark keeps working as the ledger changes. */
@IntegrationTest
class LedgerBenchmarkTest {

	@Autowired
	Ledger ledger;

	@Autowired
	PostingBatches batches;

	@Autowired
	LedgerReconciliation reconciliation;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	PointsProperties rules;

	@Test
	void theBenchmarkPostsFromConcurrentWritersAndReadsABusyMembersHistory() throws Exception {
		LedgerBenchmark.Figures figures = new LedgerBenchmark(ledger, batches, reconciliation, jdbc, tx, rules, null)
			.run(new LedgerBenchmark.Settings(8, 2_000, 200, 100, 20, 1_000, 100));
		figures.print(System.out);

		assertThat(figures.postings()).isBetween(2_000L, 2_000L + 8 * 2);
		assertThat(figures.postingsPerSecond()).isPositive();
		assertThat(figures.balance().median()).isPositive().isLessThanOrEqualTo(figures.balance().p99());
		assertThat(figures.history().median()).isPositive().isLessThanOrEqualTo(figures.history().p99());
		assertThat(figures.reconciliation().mismatched()).isZero();
	}
}
