package com.forum.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

	static final String REVERSAL_KEY = "reversal:";

	/** The advisory lock of content whose earnings are posted or withdrawn, as {@code ledger-subject:reply:12}. */
	private static final String SUBJECT_LOCK = "ledger-subject:";

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
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Posted post(Posting posting) {
		return postAll(List.of(posting)).getFirst();
	}

	/**
	 * Posts changes together, each as {@link #post} would, in the order given: a later posting sees
	 * the caps and balance the earlier ones left. A refused spending refuses them all.
	 *
	 * <p>
	 * The ledger's hot path, so its statements are as few as the rules allow, however many the
	 * postings: one locks the balance rows (in one order, so that concurrent callers cannot deadlock)
	 * and reads the members' zones (their calendar day counts for the caps), one reads which causes
	 * and withdrawn subjects the ledger already holds and the day's capped earnings, one inserts the
	 * entries and one adds them to the balances, all under the locks.
	 *
	 * @return what each posting did, in the order given
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public List<Posted> postAll(List<Posting> postings) {
		if (postings.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		shareSubjects(postings);
		Map<PostingPlan.Key, PostingPlan.Locked> locked = lockAll(
				postings.stream().map(PostingPlan.Key::of).collect(Collectors.toCollection(TreeSet::new)), now);
		List<PostingPlan.Decision> decisions = plan(postings, locked, now).decide(postings);
		Map<String, Long> ids = insertAll(decisions, now);
		Posted[] results = new Posted[postings.size()];
		Arrays.fill(results, Posted.NOTHING);
		Map<PostingPlan.Key, Long> balances = new HashMap<>();
		List<LedgerPosted.Entry> announced = new ArrayList<>();
		for (PostingPlan.Decision decision : decisions) {
			Long id = ids.get(decision.causeKey());
			if (id == null) {
				continue; // the cause was posted by another transaction meanwhile
			}
			Posting posting = decision.posting();
			results[decision.index()] = new Posted(id, decision.amount());
			if (decision.amount() != 0) {
				PostingPlan.Key key = PostingPlan.Key.of(posting);
				long balance = balances.merge(key, locked.get(key).balance().balance() + decision.amount(),
						(before, ignored) -> before + decision.amount());
				announced.add(new LedgerPosted.Entry(id, posting.member(), posting.account(), decision.amount(),
						posting.reason(), balance));
			}
		}
		creditAll(balances, locked, now);
		if (!announced.isEmpty()) {
			events.publishEvent(new LedgerPosted(announced, now));
		}
		return Arrays.asList(results);
	}

	/**
	 * Takes the shared lock of every subject and parent the postings are about, before anything else.
	 * {@link #withdraw} takes a subject's lock exclusively, so a withdrawal and an earning from the same
	 * content never overlap: either the withdrawal waits for the earning to commit and then reverses it,
	 * or the earning waits for the withdrawal's marker to commit and then posts nothing. Without it both
	 * would read before the other wrote, and deleted content would keep what it earned.
	 */
	private void shareSubjects(List<Posting> postings) {
		String[] subjects = postings.stream()
			.flatMap(posting -> Stream.of(posting.subject(), posting.parent()))
			.filter(Objects::nonNull)
			.distinct()
			.sorted()
			.map(subject -> SUBJECT_LOCK + subject)
			.toArray(String[]::new);
		if (subjects.length > 0) {
			jdbc.query("""
					select pg_advisory_xact_lock_shared(hashtextextended(s, 0))
					from unnest(cast(:subjects as text[])) with ordinality as l(s, n) order by n""",
					new MapSqlParameterSource("subjects", subjects), rs -> {
					});
		}
	}

	/**
	 * Locks the balance rows in their natural order, creating those of members posting for the first
	 * time, and reads them with the members' zones. Reading the zone here, from the member's row, spares
	 * every posting a lookup of its own; the member feature owns the column and {@link MemberSettings}
	 * changes it. A row lock, not an update, so that a posting writes the row once.
	 */
	private Map<PostingPlan.Key, PostingPlan.Locked> lockAll(SortedSet<PostingPlan.Key> keys, Instant now) {
		Map<PostingPlan.Key, PostingPlan.Locked> locked = selectForUpdate(keys);
		if (locked.size() < keys.size()) {
			SortedSet<PostingPlan.Key> missing = new TreeSet<>(keys);
			missing.removeAll(locked.keySet());
			jdbc.update("""
					insert into ledger_balance (member_id, account, balance, held, updated_at)
					select k.member_id, k.account, 0, 0, :now
					from unnest(cast(:members as bigint[]), cast(:accounts as text[])) with ordinality as k(member_id, account, n)
					order by k.n
					on conflict (member_id, account) do nothing""", keyParams(missing).addValue("now", Timestamp.from(now)));
			locked.putAll(selectForUpdate(missing));
		}
		return locked;
	}

	private Map<PostingPlan.Key, PostingPlan.Locked> selectForUpdate(SortedSet<PostingPlan.Key> keys) {
		Map<PostingPlan.Key, PostingPlan.Locked> locked = new HashMap<>();
		jdbc.query("""
				select b.member_id, b.account, b.balance, b.held, m.time_zone
				from ledger_balance b join member m on m.id = b.member_id
				where (b.member_id, b.account) in
				    (select * from unnest(cast(:members as bigint[]), cast(:accounts as text[])))
				order by b.member_id, b.account
				for update of b""", keyParams(keys), rs -> {
			String zone = rs.getString("time_zone");
			locked.put(new PostingPlan.Key(rs.getLong("member_id"), Account.valueOf(rs.getString("account"))),
					new PostingPlan.Locked(new Balance(rs.getLong("balance"), rs.getLong("held")),
							zone == null ? properties.zone() : ZoneId.of(zone)));
		});
		return locked;
	}

	private static MapSqlParameterSource keyParams(Collection<PostingPlan.Key> keys) {
		return new MapSqlParameterSource("members", keys.stream().map(PostingPlan.Key::member).toArray(Long[]::new))
			.addValue("accounts", keys.stream().map(key -> key.account().name()).toArray(String[]::new));
	}

	/**
	 * What the ledger holds that decides the postings, read in one round trip: their causes and
	 * reversals posted already, their subjects withdrawn, and what the capped postings' members
	 * earned so far on their calendar day, by reason.
	 */
	private PostingPlan plan(List<Posting> postings, Map<PostingPlan.Key, PostingPlan.Locked> locked, Instant now) {
		List<String> accounts = new ArrayList<>();
		List<String> causes = new ArrayList<>();
		Set<String> subjects = new LinkedHashSet<>();
		Set<PostingPlan.Earned> days = new LinkedHashSet<>();
		for (Posting posting : postings) {
			for (String cause : PostingPlan.causesToLookUp(posting)) {
				accounts.add(posting.account().name());
				causes.add(cause);
			}
			Stream.of(posting.subject(), posting.parent()).filter(Objects::nonNull).forEach(subjects::add);
			if (posting.amount() > 0 && posting.cap() != null) {
				PostingPlan.Key key = PostingPlan.Key.of(posting);
				days.add(new PostingPlan.Earned(key.member(), key.account(),
						LocalDate.ofInstant(now, locked.get(key).zone()), ""));
			}
		}
		Set<String> posted = new HashSet<>();
		Set<String> withdrawn = new HashSet<>();
		Map<PostingPlan.Earned, Long> earned = new HashMap<>();
		jdbc.query("""
				select 'posted' as kind, e.account || '|' || e.cause_key as name, cast(null as text) as account,
				       cast(null as bigint) as member_id, cast(null as date) as local_day, cast(0 as bigint) as earned
				from ledger_entry e
				where (e.account, e.cause_key) in (select * from unnest(cast(:accounts as text[]), cast(:causes as text[])))
				union all
				select 'withdrawn', w.subject, null, null, null, 0 from ledger_withdrawn_subject w
				where w.subject = any(cast(:subjects as text[]))
				union all
				select 'earned', e.reason, e.account, e.member_id, e.local_day, sum(e.amount) from ledger_entry e
				where (e.member_id, e.account, e.local_day) in (select * from unnest(cast(:members as bigint[]),
				    cast(:dayAccounts as text[]), cast(:days as date[])))
				and e.amount > 0
				group by e.member_id, e.account, e.local_day, e.reason""",
				new MapSqlParameterSource("accounts", accounts.toArray(String[]::new))
					.addValue("causes", causes.toArray(String[]::new))
					.addValue("subjects", subjects.toArray(String[]::new))
					.addValue("members", days.stream().map(PostingPlan.Earned::member).toArray(Long[]::new))
					.addValue("dayAccounts", days.stream().map(day -> day.account().name()).toArray(String[]::new))
					.addValue("days", days.stream().map(day -> day.day().toString()).toArray(String[]::new)),
				rs -> {
					switch (rs.getString("kind")) {
						case "posted" -> posted.add(rs.getString("name"));
						case "withdrawn" -> withdrawn.add(rs.getString("name"));
						default -> earned.put(new PostingPlan.Earned(rs.getLong("member_id"),
								Account.valueOf(rs.getString("account")), rs.getObject("local_day", LocalDate.class),
								rs.getString("name")), rs.getLong("earned"));
					}
				});
		return new PostingPlan(now, locked, posted, withdrawn, earned);
	}

	/** Inserts the decided entries; returns their ids by cause, without those another transaction took meanwhile. */
	private Map<String, Long> insertAll(List<PostingPlan.Decision> decisions, Instant now) {
		Map<String, Long> ids = new HashMap<>();
		if (decisions.isEmpty()) {
			return ids;
		}
		int n = decisions.size();
		Long[] members = new Long[n];
		String[] accounts = new String[n];
		Integer[] amounts = new Integer[n];
		String[] reasons = new String[n];
		String[] causes = new String[n];
		String[] subjects = new String[n];
		String[] parents = new String[n];
		Long[] sources = new Long[n];
		String[] days = new String[n];
		String[] notes = new String[n];
		Long[] actors = new Long[n];
		for (int i = 0; i < n; i++) {
			PostingPlan.Decision decision = decisions.get(i);
			Posting posting = decision.posting();
			members[i] = posting.member().value();
			accounts[i] = posting.account().name();
			amounts[i] = decision.amount();
			reasons[i] = posting.reason();
			causes[i] = posting.causeKey();
			subjects[i] = posting.subject();
			parents[i] = posting.parent();
			sources[i] = posting.source() == null ? null : posting.source().value();
			days[i] = decision.day().toString();
			notes[i] = posting.note();
			actors[i] = posting.actor() == null ? null : posting.actor().value();
		}
		jdbc.query("""
				insert into ledger_entry (member_id, account, amount, reason, cause_key, subject, parent,
				    source_member_id, local_day, note, actor_id, created_at)
				select e.member_id, e.account, e.amount, e.reason, e.cause_key, e.subject, e.parent, e.source_member_id,
				       e.local_day, e.note, e.actor_id, :at
				from unnest(cast(:members as bigint[]), cast(:accounts as text[]), cast(:amounts as int[]),
				    cast(:reasons as text[]), cast(:causes as text[]), cast(:subjects as text[]), cast(:parents as text[]),
				    cast(:sources as bigint[]), cast(:days as date[]), cast(:notes as text[]), cast(:actors as bigint[]))
				    with ordinality as e(member_id, account, amount, reason, cause_key, subject, parent,
				        source_member_id, local_day, note, actor_id, n)
				order by e.n
				on conflict do nothing
				returning id, account, cause_key""",
				new MapSqlParameterSource("members", members).addValue("accounts", accounts)
					.addValue("amounts", amounts)
					.addValue("reasons", reasons)
					.addValue("causes", causes)
					.addValue("subjects", subjects)
					.addValue("parents", parents)
					.addValue("sources", sources)
					.addValue("days", days)
					.addValue("notes", notes)
					.addValue("actors", actors)
					.addValue("at", Timestamp.from(now)),
				rs -> {
					ids.put(rs.getString("account") + '|' + rs.getString("cause_key"), rs.getLong("id"));
				});
		return ids;
	}

	/** Sets the balances the postings left, in one statement; the rows are locked. */
	private void creditAll(Map<PostingPlan.Key, Long> balances, Map<PostingPlan.Key, PostingPlan.Locked> locked,
			Instant now) {
		if (balances.isEmpty()) {
			return;
		}
		List<PostingPlan.Key> keys = new ArrayList<>(balances.keySet());
		jdbc.update("""
				update ledger_balance b set balance = b.balance + c.delta, updated_at = :at
				from unnest(cast(:members as bigint[]), cast(:accounts as text[]), cast(:deltas as bigint[]))
				    as c(member_id, account, delta)
				where b.member_id = c.member_id and b.account = c.account""",
				keyParams(keys).addValue("deltas",
						keys.stream().map(key -> balances.get(key) - locked.get(key).balance().balance()).toArray(Long[]::new))
					.addValue("at", Timestamp.from(now)));
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
		jdbc.query("select pg_advisory_xact_lock(hashtextextended(:lock, 0))",
				new MapSqlParameterSource("lock", SUBJECT_LOCK + subject), rs -> {
				});
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

	/**
	 * Makes the caller's transaction wait for any other holding the same key until it ends: for
	 * changes that read what another may be writing for other members (the answer accepted before).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void serializeOn(String key) {
		jdbc.query("select pg_advisory_xact_lock(hashtextextended(:key, 0))", new MapSqlParameterSource("key", key),
				rs -> {
				});
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
		PostingPlan.Key key = new PostingPlan.Key(member.value(), account);
		return lockAll(new TreeSet<>(Set.of(key)), clock.instant()).get(key).balance();
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
