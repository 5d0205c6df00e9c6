package com.forum.points;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.MemberId;

/**
 * Sums and counts over the entries themselves, for rankings and milestones (leaderboards, badges).
 * Being read from the entries, they come out the same whatever order the entries were posted in and
 * however often an event announcing them is delivered.
 */
@Service
@Transactional(readOnly = true)
public class LedgerTotals {

	/**
	 * What a ranking counts. Reputation: every entry, so its total over all time is the balance.
	 * Points: what was earned, so spending (the shop, holds captured) and refunds of spending change
	 * nothing, while the reversal of an earning (a like taken back, deleted content, serial voting)
	 * takes it away again.
	 */
	private static final String COUNTED = """
			(e.account = 'REPUTATION' or (e.reverses_id is null and e.amount > 0)
			 or (e.reverses_id is not null and e.amount < 0))""";

	private final NamedParameterJdbcTemplate jdbc;

	LedgerTotals(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the member's entries of the account posted in {@code [from, to)} add up to, as
	 * {@link #totals(MemberId, Account, List)} counts them.
	 */
	public Total total(MemberId member, Account account, Instant from, Instant to) {
		return totals(member, account, List.of(new Span(from, to))).getFirst();
	}

	/**
	 * What the member's entries of the account posted in each span ({@code [from, to)}) add up to, as
	 * rankings count them, each with the newest entry of the account the sums have seen; one total a
	 * span, in their order, read in one pass over the member's entries. A member's entries of an
	 * account are numbered in the order they are posted (each posting holds the member's balance row),
	 * so of two totals the one that has seen the higher entry is the newer.
	 */
	public List<Total> totals(MemberId member, Account account, List<Span> spans) {
		return totals(List.of(member), account, spans).get(member);
	}

	/**
	 * {@link #totals(MemberId, Account, List)} of several members, in one pass over their entries;
	 * a member without entries has totals of nothing.
	 */
	public Map<MemberId, List<Total>> totals(Collection<MemberId> members, Account account, List<Span> spans) {
		MapSqlParameterSource params = new MapSqlParameterSource("members",
				members.stream().map(MemberId::value).distinct().toArray(Long[]::new))
			.addValue("account", account.name());
		StringBuilder sums = new StringBuilder();
		for (int i = 0; i < spans.size(); i++) {
			params.addValue("from" + i, Timestamp.from(spans.get(i).from()))
				.addValue("to" + i, Timestamp.from(spans.get(i).to()));
			sums.append("coalesce(sum(e.amount) filter (where e.created_at >= :from%1$d and e.created_at < :to%1$d and %2$s), 0), "
				.formatted(i, COUNTED));
		}
		Map<MemberId, List<Total>> totals = new LinkedHashMap<>();
		for (MemberId member : members) {
			totals.put(member, spans.stream().map(span -> new Total(member, 0, 0)).toList());
		}
		jdbc.query("select " + sums + """
				coalesce(max(e.id), 0), e.member_id from ledger_entry e
				where e.member_id = any(cast(:members as bigint[])) and e.account = :account
				group by e.member_id""", params, rs -> {
			MemberId member = new MemberId(rs.getLong(spans.size() + 2));
			long asOf = rs.getLong(spans.size() + 1);
			List<Total> memberTotals = new ArrayList<>(spans.size());
			for (int i = 0; i < spans.size(); i++) {
				memberTotals.add(new Total(member, rs.getLong(i + 1), asOf));
			}
			totals.put(member, memberTotals);
		});
		return totals;
	}

	/** The totals of every member whose entries in {@code [from, to)} add up to more than nothing. */
	public List<Total> totals(Account account, Instant from, Instant to) {
		return jdbc.query("""
				select e.member_id, sum(e.amount) filter (where e.created_at >= :from and e.created_at < :to and %1$s),
				       max(e.id)
				from ledger_entry e where e.account = :account
				group by e.member_id
				having coalesce(sum(e.amount) filter (where e.created_at >= :from and e.created_at < :to and %1$s), 0) > 0"""
			.formatted(COUNTED), period(account, from, to),
				(rs, row) -> new Total(new MemberId(rs.getLong(1)), rs.getLong(2), rs.getLong(3)));
	}

	/**
	 * The highest totals in {@code [from, to)} above nothing, best first (ties by member id, highest
	 * first): a leaderboard read from the entries themselves, for when Redis cannot be read. Each
	 * total's {@code asOf} is the newest entry in the window.
	 */
	public List<Total> top(Account account, Instant from, Instant to, int limit) {
		return jdbc.query(IN_WINDOW + " order by amount desc, member_id desc limit :limit",
				period(account, from, to).addValue("limit", limit),
				(rs, row) -> new Total(new MemberId(rs.getLong("member_id")), rs.getLong("amount"), rs.getLong("as_of")));
	}

	/** How many members' totals in {@code [from, to)} are higher than this one: a rank less one. */
	public long above(Account account, Instant from, Instant to, long amount) {
		Long count = jdbc.queryForObject("select count(*) from (" + IN_WINDOW + ") t where t.amount > :amount",
				period(account, from, to).addValue("amount", amount), Long.class);
		return count == null ? 0 : count;
	}

	/** Each member's total of the entries posted in the window, as rankings count them, when above nothing. */
	private static final String IN_WINDOW = """
			select e.member_id as member_id, sum(e.amount) as amount, max(e.id) as as_of
			from ledger_entry e
			where e.account = :account and e.created_at >= :from and e.created_at < :to and %s
			group by e.member_id having sum(e.amount) > 0""".formatted(COUNTED);

	/**
	 * How many facts of this reason earned the member something that still stands: causes with an
	 * entry (in either account, a capped one of nothing included) that was not reversed and whose
	 * content was not withdrawn.
	 */
	public long causes(MemberId member, String reason) {
		Long count = jdbc.queryForObject("select count(distinct e.cause_key) from ledger_entry e where "
				+ STANDING_CAUSES + " and e.member_id = :member",
				new MapSqlParameterSource("member", member.value()).addValue("reason", reason), Long.class);
		return count == null ? 0 : count;
	}

	/** Every member with at least this many standing causes of the reason. */
	public List<MemberId> membersWithCauses(String reason, long atLeast) {
		return jdbc.queryForList("select e.member_id from ledger_entry e where " + STANDING_CAUSES
				+ " group by e.member_id having count(distinct e.cause_key) >= :atLeast order by e.member_id",
				new MapSqlParameterSource("reason", reason).addValue("atLeast", atLeast), Long.class)
			.stream()
			.map(MemberId::new)
			.toList();
	}

	private static final String STANDING_CAUSES = """
			e.reason = :reason and e.reverses_id is null
			and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)
			and not exists (select 1 from ledger_withdrawn_subject w where w.subject in (e.subject, e.parent))""";

	private static MapSqlParameterSource period(Account account, Instant from, Instant to) {
		return new MapSqlParameterSource("account", account.name()).addValue("from", Timestamp.from(from))
			.addValue("to", Timestamp.from(to));
	}

	/** The instants {@code [from, to)} a total covers. */
	public record Span(Instant from, Instant to) {
	}

	/**
	 * @param amount the sum as rankings count it
	 * @param asOf the id of the newest entry of the member's account the sum has seen (0 if none)
	 */
	public record Total(MemberId member, long amount, long asOf) {
	}
}
