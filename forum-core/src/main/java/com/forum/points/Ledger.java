package com.forum.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.forum.member.MemberId;
import com.forum.member.MemberSettings;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

/**
 * The points and reputation ledgers. Entries are only ever appended; each has a key from its cause,
 * unique per account, so posting a cause twice posts it once. A member's postings are serialised on
 * their balance row, which is kept in the same transaction as the entries, so daily caps and the
 * "never below zero" rule hold under any concurrency. Every method joins the caller's transaction
 * (or opens one): an earning is posted exactly when the fact that earned it is stored.
 */
@Service
public class Ledger {

	static final String REVERSAL = "reversal";

	private static final String REVERSAL_KEY = "reversal:";

	private final NamedParameterJdbcTemplate jdbc;

	private final MemberSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PointsProperties properties;

	Ledger(NamedParameterJdbcTemplate jdbc, MemberSettings settings, ApplicationEventPublisher events, Clock clock,
			PointsProperties properties) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Posts the change unless its cause was posted (or reversed, or its content withdrawn) before. A
	 * positive amount is cut to what the daily cap leaves; a negative amount of points that would take
	 * the available balance below zero is refused.
	 *
	 * <p>
	 * Two statements, as postings are the ledger's hot path: one locks the balance row and reads the
	 * member's zone (their calendar day counts for the caps); the other checks the cause, sums the day's
	 * capped earnings, inserts the entry and adds it to the balance, all under that lock.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Posted post(Posting posting) {
		Locked locked = lockWithZone(posting.member(), posting.account());
		Instant now = clock.instant();
		LocalDate day = LocalDate.ofInstant(now, locked.zone());
		boolean capped = posting.amount() > 0 && posting.cap() != null;
		boolean refused = posting.amount() < 0 && posting.account() == Account.POINTS
				&& locked.balance().available() + posting.amount() < 0;
		PostedRow row = jdbc.queryForObject("""
				with caused as (
				    select exists (select 1 from ledger_entry where account = :account and cause_key in (:cause, :reversal))
				        or exists (select 1 from ledger_withdrawn_subject where subject in (:subjectKey, :parentKey))
				        as found),
				earned as (
				    select coalesce(sum(amount), 0) as total from ledger_entry
				    where :capped and member_id = :member and account = :account and local_day = :day
				      and reason = any(cast(:reasons as text[])) and amount > 0),
				entry as (
				    insert into ledger_entry (member_id, account, amount, reason, cause_key, subject, parent,
				        source_member_id, local_day, note, actor_id, created_at)
				    select :member, :account,
				           case when :capped then greatest(0, least(:amount, :cap - earned.total)) else :amount end,
				           :reason, :cause, cast(:subject as varchar), cast(:parent as varchar), cast(:source as bigint),
				           cast(:day as date), cast(:note as varchar), cast(:actor as bigint), cast(:at as timestamptz)
				    from caused, earned where not caused.found and not :refused
				    on conflict do nothing
				    returning id, amount),
				credited as (
				    update ledger_balance b set balance = b.balance + entry.amount, updated_at = cast(:at as timestamptz)
				    from entry where b.member_id = :member and b.account = :account and entry.amount <> 0
				    returning b.balance)
				select caused.found, entry.id, entry.amount, (select balance from credited) as balance
				from caused left join entry on true""",
				new MapSqlParameterSource("member", posting.member().value())
					.addValue("account", posting.account().name())
					.addValue("amount", posting.amount())
					.addValue("reason", posting.reason())
					.addValue("cause", posting.causeKey())
					.addValue("reversal", REVERSAL_KEY + posting.causeKey())
					.addValue("subject", posting.subject())
					.addValue("parent", posting.parent())
					.addValue("subjectKey", posting.subject() == null ? "" : posting.subject())
					.addValue("parentKey", posting.parent() == null ? "" : posting.parent())
					.addValue("source", posting.source() == null ? null : posting.source().value())
					.addValue("actor", posting.actor() == null ? null : posting.actor().value())
					.addValue("note", posting.note())
					.addValue("day", day)
					.addValue("at", Timestamp.from(now))
					.addValue("capped", capped)
					.addValue("cap", capped ? posting.cap().limit() : 0)
					.addValue("reasons", capped ? posting.cap().reasons().toArray(String[]::new) : new String[0])
					.addValue("refused", refused),
				(rs, i) -> new PostedRow(rs.getBoolean("found"), rs.getLong("id"), rs.getInt("amount"),
						rs.getLong("balance")));
		if (row.caused()) {
			return Posted.NOTHING;
		}
		if (refused) {
			throw new RuleViolationException("insufficient-points",
					"Not enough points: this needs %d and %d are available.".formatted(-posting.amount(),
							locked.balance().available()),
					-posting.amount(), locked.balance().available());
		}
		if (row.id() == 0) {
			return Posted.NOTHING; // the cause was posted by another transaction meanwhile
		}
		if (row.amount() != 0) {
			events.publishEvent(new LedgerPosted(row.id(), posting.member(), posting.account(), row.amount(),
					posting.reason(), row.balance(), now));
		}
		return new Posted(row.id(), row.amount());
	}

	/**
	 * Compensates the entry posted for this cause. Reversing a cause that was never posted records the
	 * reversal all the same, so that the posting, should its event arrive later, posts nothing. Points
	 * already spent cannot be taken back below zero: the reversal takes what is available.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Posted reverse(MemberId member, Account account, String causeKey, String note) {
		Balance balance = lock(member, account);
		Original original = original(account, causeKey);
		if (original == null) {
			long id = insert(Posting.of(member, account, 0, REVERSAL, REVERSAL_KEY + causeKey).by(null, note), 0,
					today(member), null);
			return id == 0 ? Posted.NOTHING : new Posted(id, 0);
		}
		return compensate(original, balance, note);
	}

	/**
	 * Content was deleted: reverses everything it and the content inside it (a thread's replies) earned,
	 * in both accounts, and makes sure an earning that arrives later posts nothing.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int withdraw(String subject, String note) {
		jdbc.update("insert into ledger_withdrawn_subject (subject, at) values (:subject, :at) on conflict do nothing",
				new MapSqlParameterSource("subject", subject).addValue("at", Timestamp.from(clock.instant())));
		List<Original> earned = jdbc.query("""
				select e.id, e.member_id, e.account, e.amount, e.cause_key, e.subject, e.parent from ledger_entry e
				where (e.subject = :subject or e.parent = :subject) and e.reverses_id is null and e.amount <> 0
				and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)
				order by e.member_id, e.account, e.id""", new MapSqlParameterSource("subject", subject), ORIGINAL);
		return reverseAll(earned, note);
	}

	private int reverseAll(List<Original> earned, String note) {
		int reversed = 0;
		for (Original original : earned) {
			if (compensate(original, lock(original.member(), original.account()), note).isNew()) {
				reversed++;
			}
		}
		return reversed;
	}

	/**
	 * Reverses what this reason earned inside the parent, except for one subject: the answer accepted
	 * before the one now accepted.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int reverseOthers(String reason, String parent, String keptSubject, String note) {
		List<Original> earned = jdbc.query("""
				select e.id, e.member_id, e.account, e.amount, e.cause_key, e.subject, e.parent from ledger_entry e
				where e.parent = :parent and e.reason = :reason and e.subject <> :kept and e.amount <> 0
				and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)
				order by e.member_id, e.account, e.id""",
				new MapSqlParameterSource("parent", parent).addValue("reason", reason).addValue("kept", keptSubject),
				ORIGINAL);
		return reverseAll(earned, note);
	}

	/** Compensates one entry by id (serial-voting reversal, an admin's correction). */
	@Transactional(propagation = Propagation.REQUIRED)
	public Posted reverseEntry(long entryId, String note) {
		Original original = jdbc.query("""
				select id, member_id, account, amount, cause_key, subject, parent from ledger_entry where id = :id""",
				new MapSqlParameterSource("id", entryId), ORIGINAL).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("ledger-entry", entryId));
		return compensate(original, lock(original.member(), original.account()), note);
	}

	@Transactional(readOnly = true)
	public Balance balance(MemberId member, Account account) {
		return jdbc.query("select balance, held from ledger_balance where member_id = :member and account = :account",
				new MapSqlParameterSource("member", member.value()).addValue("account", account.name()),
				(rs, row) -> new Balance(rs.getLong(1), rs.getLong(2)))
			.stream()
			.findFirst()
			.orElse(Balance.EMPTY);
	}

	/** The account's entries, newest first. */
	@Transactional(readOnly = true)
	public Page<LedgerEntry> history(MemberId member, Account account, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("member", member.value())
			.addValue("account", account.name())
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		List<LedgerEntry> entries = jdbc.query("""
				select e.*, exists (select 1 from ledger_entry r where r.reverses_id = e.id) as reversed
				from ledger_entry e where e.member_id = :member and e.account = :account
				order by e.id desc limit :limit offset :offset""", params, ENTRY);
		Long total = jdbc.queryForObject(
				"select count(*) from ledger_entry where member_id = :member and account = :account", params, Long.class);
		return new PageImpl<>(entries, PageRequest.of(page, size), total == null ? 0 : total);
	}

	/** One entry by id, as the account history shows it. */
	@Transactional(readOnly = true)
	public Optional<LedgerEntry> entry(long entryId) {
		return jdbc.query("""
				select e.*, exists (select 1 from ledger_entry r where r.reverses_id = e.id) as reversed
				from ledger_entry e where e.id = :id""", new MapSqlParameterSource("id", entryId), ENTRY)
			.stream()
			.findFirst();
	}

	/** The member's calendar day now, in their own time zone or the forum's. */
	LocalDate today(MemberId member) {
		return LocalDate.ofInstant(clock.instant(), zoneOf(member));
	}

	ZoneId zoneOf(MemberId member) {
		ZoneId zone = settings.preferences(member).zone();
		return zone == null ? properties.zone() : zone;
	}

	/** Locks the member's balance row, creating it if this is their first entry, and reads it. */
	Balance lock(MemberId member, Account account) {
		return lockWithZone(member, account).balance();
	}

	/**
	 * Locks the balance row and reads it with the member's zone. Reading the zone here, from the
	 * member's row, spares every posting a lookup of its own; the member feature owns the column and
	 * {@link MemberSettings} changes it. A row lock, not an update, so that a posting writes the row once.
	 */
	private Locked lockWithZone(MemberId member, Account account) {
		MapSqlParameterSource params = new MapSqlParameterSource("member", member.value())
			.addValue("account", account.name())
			.addValue("now", Timestamp.from(clock.instant()));
		String select = """
				select b.balance, b.held, m.time_zone from ledger_balance b join member m on m.id = b.member_id
				where b.member_id = :member and b.account = :account for update of b""";
		List<Locked> locked = jdbc.query(select, params, this::locked);
		if (locked.isEmpty()) {
			jdbc.update("""
					insert into ledger_balance (member_id, account, balance, held, updated_at)
					values (:member, :account, 0, 0, :now) on conflict (member_id, account) do nothing""", params);
			locked = jdbc.query(select, params, this::locked);
		}
		return locked.getFirst();
	}

	private Locked locked(ResultSet rs, int row) throws SQLException {
		String zone = rs.getString("time_zone");
		return new Locked(new Balance(rs.getLong("balance"), rs.getLong("held")),
				zone == null ? properties.zone() : ZoneId.of(zone));
	}

	/**
	 * Adds the entry's amount to the locked balance and announces it. Points are clamped by the
	 * caller; the balance row's check constraint is the last guard.
	 */
	int credit(MemberId member, Account account, long entryId, int amount, String reason, Balance before) {
		if (amount != 0) {
			jdbc.update("""
					update ledger_balance set balance = balance + :amount, updated_at = :now
					where member_id = :member and account = :account""",
					new MapSqlParameterSource("member", member.value()).addValue("account", account.name())
						.addValue("amount", amount)
						.addValue("now", Timestamp.from(clock.instant())));
			events.publishEvent(new LedgerPosted(entryId, member, account, amount, reason, before.balance() + amount,
					clock.instant()));
		}
		return amount;
	}

	/** Inserts the entry; 0 if its cause key was taken meanwhile. */
	long insert(Posting posting, int amount, LocalDate day, Long reverses) {
		List<Long> ids = jdbc.queryForList("""
				insert into ledger_entry (member_id, account, amount, reason, cause_key, subject, parent,
				    source_member_id, reverses_id, local_day, note, actor_id, created_at)
				values (:member, :account, :amount, :reason, :cause, :subject, :parent, :source, :reverses, :day,
				    :note, :actor, :at)
				on conflict do nothing returning id""",
				new MapSqlParameterSource("member", posting.member().value())
					.addValue("account", posting.account().name())
					.addValue("amount", amount)
					.addValue("reason", posting.reason())
					.addValue("cause", posting.causeKey())
					.addValue("subject", posting.subject())
					.addValue("parent", posting.parent())
					.addValue("source", posting.source() == null ? null : posting.source().value())
					.addValue("reverses", reverses)
					.addValue("day", day)
					.addValue("note", posting.note())
					.addValue("actor", posting.actor() == null ? null : posting.actor().value())
					.addValue("at", Timestamp.from(clock.instant())),
				Long.class);
		return ids.isEmpty() ? 0 : ids.getFirst();
	}

	private Posted compensate(Original original, Balance balance, String note) {
		int amount = -original.amount();
		if (original.account() == Account.POINTS && amount < 0) {
			// what was spent stays spent: the reversal takes back what is left
			amount = (int) -Math.min(original.amount(), Math.max(0, balance.available()));
		}
		Posting reversal = Posting.of(original.member(), original.account(), amount, REVERSAL,
				REVERSAL_KEY + original.causeKey())
			.about(original.subject(), original.parent())
			.by(null, note);
		// a reversal under another cause key (serial voting, then a deletion of the same like) takes the
		// entry's one reversal slot, and this insert then posts nothing
		long id = insert(reversal, amount, today(original.member()), original.id());
		return id == 0 ? Posted.NOTHING
				: new Posted(id, credit(original.member(), original.account(), id, amount, REVERSAL, balance));
	}

	private Original original(Account account, String causeKey) {
		return jdbc.query("""
				select id, member_id, account, amount, cause_key, subject, parent from ledger_entry
				where account = :account and cause_key = :cause""",
				new MapSqlParameterSource("account", account.name()).addValue("cause", causeKey), ORIGINAL)
			.stream()
			.findFirst()
			.orElse(null);
	}

	private record Locked(Balance balance, ZoneId zone) {
	}

	private record PostedRow(boolean caused, long id, int amount, long balance) {
	}

	private record Original(long id, MemberId member, Account account, int amount, String causeKey, String subject,
			String parent) {
	}

	private static final RowMapper<Original> ORIGINAL = (rs, row) -> new Original(rs.getLong("id"),
			new MemberId(rs.getLong("member_id")), Account.valueOf(rs.getString("account")), rs.getInt("amount"),
			rs.getString("cause_key"), rs.getString("subject"), rs.getString("parent"));

	private static final RowMapper<LedgerEntry> ENTRY = (rs, row) -> {
		// wasNull() speaks of the column read last, so it is asked right after reading reverses_id
		long reversesId = rs.getLong("reverses_id");
		Long reverses = rs.wasNull() ? null : reversesId;
		return new LedgerEntry(rs.getLong("id"), new MemberId(rs.getLong("member_id")),
				Account.valueOf(rs.getString("account")), rs.getInt("amount"), rs.getString("reason"),
				rs.getString("subject"), rs.getString("note"), reverses, rs.getBoolean("reversed"),
				rs.getObject("local_day", LocalDate.class), rs.getTimestamp("created_at").toInstant());
	};
}
