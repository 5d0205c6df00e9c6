package com.forum.web.commands;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.points.Account;
import com.forum.points.BalanceMismatch;
import com.forum.points.Ledger;
import com.forum.points.LedgerReconciliation;
import com.forum.points.PointsHolds;
import com.forum.points.Posting;
import com.forum.points.ReconciliationReport;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The stored balances are a cache of the entries: the reconciliation job and {@code ./forum check-ledger}
 * find a balance row that disagrees with its entries or open holds, and set it right from them.
 */
@IntegrationTest
class CheckLedgerIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	PointsHolds holds;

	@Autowired
	LedgerReconciliation reconciliation;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void theJobFindsACorruptedBalanceAndRepairsItFromTheEntries() {
		MemberId member = memberWith(120, 30);
		jdbc.update("update ledger_balance set balance = balance + 7, held = 0 where member_id = ? and account = 'POINTS'",
				member.value());
		jdbc.update("update ledger_balance set balance = -3 where member_id = ? and account = 'REPUTATION'",
				member.value());

		ReconciliationReport found = reconciliation.check(false);
		assertThat(of(found, member)).extracting(BalanceMismatch::account, BalanceMismatch::storedBalance,
				BalanceMismatch::entries, BalanceMismatch::storedHeld, BalanceMismatch::openHolds,
				BalanceMismatch::repaired)
			.containsExactlyInAnyOrder(
					tuple(Account.POINTS, 127L, 120L, 0L, 30L, false),
					tuple(Account.REPUTATION, -3L, 15L, 0L, 0L, false));
		assertThat(found.members()).isPositive();
		assertThat(found.balances()).isGreaterThanOrEqualTo(found.members());
		assertThat(ledger.balance(member, Account.POINTS).balance()).as("a check alone changes nothing").isEqualTo(127);

		ReconciliationReport repaired = reconciliation.reconcile();
		assertThat(of(repaired, member)).extracting(BalanceMismatch::repaired).containsOnly(true);
		assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(120);
		assertThat(ledger.balance(member, Account.POINTS).held()).isEqualTo(30);
		assertThat(ledger.balance(member, Account.REPUTATION).balance()).isEqualTo(15);
		assertThat(of(reconciliation.check(false), member)).isEmpty();
	}

	@Test
	void aLostBalanceRowIsFoundFromItsEntriesAndMadeAgain() {
		MemberId member = memberWith(40, 0);
		jdbc.update("delete from ledger_balance where member_id = ?", member.value());

		assertThat(of(reconciliation.check(false), member)).extracting(BalanceMismatch::account,
				BalanceMismatch::entries)
			.containsExactlyInAnyOrder(tuple(Account.POINTS, 40L),
					tuple(Account.REPUTATION, 15L));
		reconciliation.reconcile();
		assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(40);
		assertThat(ledger.balance(member, Account.REPUTATION).balance()).isEqualTo(15);
	}

	@Test
	void theCommandExitsWithOneOnAMismatchAndRepairsItWhenAsked() {
		MemberId member = memberWith(60, 10);
		jdbc.update("update ledger_balance set balance = 61 where member_id = ? and account = 'POINTS'", member.value());
		CheckLedgerCommand command = new CheckLedgerCommand(reconciliation, context);

		Run check = run(command, false);
		assertThat(check.exitCode()).isEqualTo(1);
		assertThat(check.output()).contains("member " + member.value() + " POINTS: balance 61, entries sum to 60")
			.containsPattern("Checked \\d+ balances of \\d+ members in \\d+ ms: 1 mismatches");

		Run repair = run(command, true);
		assertThat(repair.exitCode()).isZero();
		assertThat(repair.output()).contains("(repaired)").contains("1 mismatches, 1 repaired");
		assertThat(ledger.balance(member, Account.POINTS).balance()).isEqualTo(60);

		Run clean = run(command, false);
		assertThat(clean.exitCode()).isZero();
		assertThat(clean.output()).contains(": 0 mismatches");
	}

	/** A member with points, some of them held, and reputation. */
	private MemberId memberWith(int points, int held) {
		MemberId member = SeededMember.many(jdbc, 1).getFirst();
		tx.executeWithoutResult(s -> {
			ledger.post(Posting.of(member, Account.POINTS, points, "test", "test:reconcile:" + member));
			ledger.post(Posting.of(member, Account.REPUTATION, 15, "test", "test:reconcile:" + member));
		});
		if (held > 0) {
			holds.place(member, held, "test", "test:reconcile-hold:" + member, null);
		}
		return member;
	}

	private static List<BalanceMismatch> of(ReconciliationReport report, MemberId member) {
		return report.mismatches().stream().filter(m -> m.member().equals(member)).toList();
	}

	private static Run run(CheckLedgerCommand command, boolean repair) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = command.check(repair, new PrintStream(out, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8));
	}

	private record Run(int exitCode, String output) {
	}
}
