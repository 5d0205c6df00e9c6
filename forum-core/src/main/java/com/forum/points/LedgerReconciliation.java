package com.forum.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberId;
import com.forum.shared.ClusterJobs;

/**
 * Checks the stored balances, a cache kept for speed, against the facts: a balance must be the sum of
 * its account's entries, and held points the sum of the member's open holds. Each batch is read by
 * one statement, so it sees every posting either whole (entry and balance) or not at all and a
 * posting in flight is never taken for a mismatch. A repair sets the row from the facts under the
 * row's lock, which every posting takes, so nothing is posted between counting and writing.
 */
@Service
public class LedgerReconciliation implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(LedgerReconciliation.class);

	private static final int BATCH = 2_000;

	/** A report keeps the first mismatches only; a broken ledger should not also exhaust the memory. */
	private static final int REPORTED = 1_000;

	private final NamedParameterJdbcTemplate jdbc;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final PointsProperties properties;

	private final ClusterJobs jobs;

	LedgerReconciliation(NamedParameterJdbcTemplate jdbc, Ledger ledger, TransactionTemplate tx, Clock clock,
			PointsProperties properties,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		// the first check waits a whole interval, so a ./forum check-ledger run sees the ledger as it found it
		Duration every = properties.reconciliationInterval();
		tasks.addFixedDelayTask(new FixedDelayTask(jobs.every("ledger-reconciliation", every, this::reconcile), every, every));
	}

	/** The scheduled check: repairs what it finds and logs each repair as an error, with the figures. */
	public ReconciliationReport reconcile() {
		ReconciliationReport report = check(true);
		if (report.clean()) {
			log.info("Ledger reconciled: {} members, {} balances, no mismatch, in {} ms", report.members(),
					report.balances(), report.took().toMillis());
		}
		else {
			log.error("Ledger reconciled: {} members, {} balances, {} mismatches ({} repaired), in {} ms",
					report.members(), report.balances(), report.mismatched(), report.repaired(),
					report.took().toMillis());
		}
		return report;
	}

	/**
	 * Checks every stored balance.
	 *
	 * @param repair whether to set a mismatching balance row back to what its entries and holds say
	 */
	public ReconciliationReport check(boolean repair) {
		long started = System.nanoTime();
		List<BalanceMismatch> found = new ArrayList<>();
		long members = 0;
		long balances = 0;
		long lastMember = Long.MIN_VALUE;
		String lastAccount = "";
		while (true) {
			List<Row> batch = jdbc.query("""
					select b.member_id, b.account, b.balance, b.held, %s
					from ledger_balance b
					where (b.member_id, b.account) > (:member, :account)
					order by b.member_id, b.account limit :batch""".formatted(facts("b.member_id", "b.account")),
					new MapSqlParameterSource("member", lastMember).addValue("account", lastAccount)
						.addValue("batch", BATCH),
					(rs, i) -> new Row(rs.getLong("member_id"), Account.valueOf(rs.getString("account")),
							rs.getLong("balance"), rs.getLong("held"), rs.getLong("entries"), rs.getLong("holds")));
			for (Row row : batch) {
				if (row.member() != lastMember) {
					members++;
				}
				lastMember = row.member();
				lastAccount = row.account().name();
				balances++;
				if (!row.agrees()) {
					found.add(row.mismatch());
				}
			}
			if (batch.size() < BATCH) {
				break;
			}
		}
		// entries or open holds whose member has no balance row at all: the cache lost a row
		List<Row> orphans = jdbc.query("""
				select f.member_id, f.account, 0 as balance, 0 as held, %s
				from (select distinct member_id, account from ledger_entry
				      union select distinct member_id, 'POINTS' from points_hold where state = 'HELD') f
				where not exists (select 1 from ledger_balance b
				                  where b.member_id = f.member_id and b.account = f.account)"""
					.formatted(facts("f.member_id", "f.account")),
				new MapSqlParameterSource(),
				(rs, i) -> new Row(rs.getLong("member_id"), Account.valueOf(rs.getString("account")), 0, 0,
						rs.getLong("entries"), rs.getLong("holds")));
		members += orphans.stream().map(Row::member).distinct().count();
		balances += orphans.size();
		orphans.stream().map(Row::mismatch).forEach(found::add);

		List<BalanceMismatch> reported = new ArrayList<>();
		long repaired = 0;
		for (BalanceMismatch mismatch : found) {
			BalanceMismatch result = repair ? repair(mismatch) : mismatch;
			repaired += result.repaired() ? 1 : 0;
			if (reported.size() < REPORTED) {
				reported.add(result);
			}
		}
		return new ReconciliationReport(members, balances, found.size(), repaired, List.copyOf(reported),
				Duration.ofNanos(System.nanoTime() - started));
	}

	/** Sets the balance row from the facts, counted again under the row's lock. */
	private BalanceMismatch repair(BalanceMismatch mismatch) {
		try {
			Boolean done = tx.execute(status -> {
				ledger.lock(mismatch.member(), mismatch.account());
				MapSqlParameterSource params = new MapSqlParameterSource("member", mismatch.member().value())
					.addValue("account", mismatch.account().name())
					.addValue("now", Timestamp.from(clock.instant()));
				jdbc.update("""
						update ledger_balance set (balance, held, updated_at) =
						    (select entries, holds, cast(:now as timestamptz) from (select %s) f)
						where member_id = :member and account = :account""".formatted(facts(":member", ":account")),
						params);
				return true;
			});
			log.error("Ledger balance of member {} ({}) was {} with {} held, but its entries sum to {} and its open "
					+ "holds to {}: repaired from the entries", mismatch.member().value(), mismatch.account(),
					mismatch.storedBalance(), mismatch.storedHeld(), mismatch.entries(), mismatch.openHolds());
			return mismatch.repaired(Boolean.TRUE.equals(done));
		}
		catch (RuntimeException ex) {
			// e.g. entries that sum to less than the open holds: the facts themselves disagree, and a person must look
			log.error("Ledger balance of member {} ({}) was {} with {} held, but its entries sum to {} and its open "
					+ "holds to {}: could not be repaired", mismatch.member().value(), mismatch.account(),
					mismatch.storedBalance(), mismatch.storedHeld(), mismatch.entries(), mismatch.openHolds(), ex);
			return mismatch;
		}
	}

	/**
	 * What a member's account should hold: the sum of its entries, and for points the sum of the open
	 * holds ({@code entries} and {@code holds}), as select-list items for the given member and account.
	 */
	private static String facts(String member, String account) {
		return """
				(select coalesce(sum(e.amount), 0) from ledger_entry e
				 where e.member_id = %1$s and e.account = %2$s) as entries,
				case when %2$s = 'POINTS' then
				    (select coalesce(sum(h.amount), 0) from points_hold h where h.member_id = %1$s and h.state = 'HELD')
				else 0 end as holds""".formatted(member, account);
	}

	private record Row(long member, Account account, long balance, long held, long entries, long holds) {

		boolean agrees() {
			return balance == entries && held == holds;
		}

		BalanceMismatch mismatch() {
			return new BalanceMismatch(new MemberId(member), account, balance, entries, held, holds, false);
		}
	}
}
