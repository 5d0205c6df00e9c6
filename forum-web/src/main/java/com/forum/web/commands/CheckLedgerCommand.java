package com.forum.web.commands;

import java.io.PrintStream;

import com.forum.points.BalanceMismatch;
import com.forum.points.LedgerReconciliation;
import com.forum.points.ReconciliationReport;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./forum check-ledger [--repair]}: checks every stored balance against the sum of its entries
 * and the member's open holds, prints what it found and exits 1 when anything disagreed; 0 when all
 * agree, or when {@code --repair} set every mismatch right.
 */
@Component
@ConditionalOnProperty(name = "forum.command", havingValue = "check-ledger")
class CheckLedgerCommand implements ApplicationRunner {

	private final LedgerReconciliation reconciliation;

	private final ConfigurableApplicationContext context;

	CheckLedgerCommand(LedgerReconciliation reconciliation, ConfigurableApplicationContext context) {
		this.reconciliation = reconciliation;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		CommandExit.exitWith(context, "Ledger check", () -> check(args.containsOption("repair"), System.out));
	}

	/** Checks, prints the mismatches and a summary, and returns the exit code. */
	int check(boolean repair, PrintStream out) {
		ReconciliationReport report = reconciliation.check(repair);
		for (BalanceMismatch m : report.mismatches()) {
			out.printf("member %d %s: balance %d, entries sum to %d; held %d, open holds %d%s%n", m.member().value(),
					m.account(), m.storedBalance(), m.entries(), m.storedHeld(), m.openHolds(),
					m.repaired() ? " (repaired)" : "");
		}
		out.printf("Checked %d balances of %d members in %d ms: %d mismatches%s%n", report.balances(),
				report.members(), report.took().toMillis(), report.mismatched(),
				repair ? ", " + report.repaired() + " repaired" : "");
		return report.repaired() == report.mismatched() ? 0 : 1;
	}
}
