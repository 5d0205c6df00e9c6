package com.forum.points;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.points.SerialVotingCase.Pattern;
import com.forum.shared.ClusterJobs;
import com.forum.shared.NotFoundException;

/**
 * Finds likes and votes that boost a person rather than their content, as Stack Exchange does nightly,
 * and reverses what they earned in both ledgers: one member liking or voting for many of another's posts
 * and petitions, and rings of new accounts giving most of their likes and votes to one member. Every
 * entry judged is recorded with its case, so a later run judges it no more; a case is reversed in one
 * transaction under the target's balance locks, so two nodes running the job at once reverse each entry
 * once. The members involved are told why through {@link VotesReversed}.
 */
@Service
public class SerialVoting implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(SerialVoting.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final Ledger ledger;

	private final MemberDirectory members;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final SerialVotingProperties properties;

	private final PointsProperties points;

	private final ClusterJobs jobs;

	SerialVoting(NamedParameterJdbcTemplate jdbc, Ledger ledger, MemberDirectory members,
			ApplicationEventPublisher events, TransactionTemplate tx, Clock clock, SerialVotingProperties properties,
			PointsProperties points,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.members = members;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
		this.properties = properties;
		this.points = points;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		if (!CronSchedule.NEVER.equals(properties.schedule())) {
			tasks.addCronTask(new CronTask(jobs.atSetTimes("serial-voting", this::nightly), new CronTrigger(properties.schedule(), points.zone())));
		}
	}

	private void nightly() {
		List<SerialVotingCase> cases = reverseSerialVoting();
		log.info("Serial voting: {} cases reversed", cases.size());
	}

	/** Looks at the window's likes and votes and reverses every pattern found; returns the new cases. */
	public List<SerialVotingCase> reverseSerialVoting() {
		// as the database keeps it, so that a case read back equals the one returned
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Instant since = now.minus(properties.window());
		List<Given> given = jdbc.query("""
				with votes as (
				    select distinct e.source_member_id as source, e.member_id as target, e.subject
				    from ledger_entry e
				    where e.reason in (:reasons) and e.source_member_id is not null and e.subject is not null
				      and e.source_member_id <> e.member_id and e.created_at >= :since and e.reverses_id is null
				      and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)
				      and not exists (select 1 from serial_voting_entry j where j.entry_id = e.id)),
				pairs as (
				    select source, target, count(*) as votes, sum(count(*)) over (partition by source) as given
				    from votes group by source, target)
				select source, target, votes, given from pairs
				where votes > :serial or (votes >= :ringVotes and votes >= :share * given)
				order by target, source""",
				new MapSqlParameterSource("reasons", properties.reasons()).addValue("since", Timestamp.from(since))
					.addValue("serial", properties.maxFromOneMember())
					.addValue("ringVotes", properties.ring().minVotes())
					.addValue("share", properties.ring().share()),
				(rs, i) -> new Given(new MemberId(rs.getLong("source")), new MemberId(rs.getLong("target")),
						rs.getInt("votes"), rs.getLong("given")));

		Map<MemberId, Set<MemberId>> rings = new LinkedHashMap<>();
		Map<MemberId, Boolean> newcomers = new HashMap<>();
		for (Given g : given) {
			if (g.votes() >= properties.ring().minVotes() && g.votes() >= properties.ring().share() * g.given()
					&& newcomers.computeIfAbsent(g.source(), source -> isNewcomer(source, now))) {
				rings.computeIfAbsent(g.target(), t -> new LinkedHashSet<>()).add(g.source());
			}
		}
		rings.values().removeIf(sources -> sources.size() < properties.ring().minAccounts());
		Map<MemberId, Set<MemberId>> serial = new LinkedHashMap<>();
		for (Given g : given) {
			boolean inRing = rings.getOrDefault(g.target(), Set.of()).contains(g.source());
			if (g.votes() > properties.maxFromOneMember() && !inRing) {
				serial.computeIfAbsent(g.target(), t -> new LinkedHashSet<>()).add(g.source());
			}
		}

		List<SerialVotingCase> cases = new ArrayList<>();
		rings.forEach((target, sources) -> reverse(target, Pattern.RING, sources, since, now).ifPresent(cases::add));
		serial.forEach((target, sources) -> reverse(target, Pattern.SERIAL, sources, since, now).ifPresent(cases::add));
		return cases;
	}

	/** The cases in which this member's votes received were reversed, newest first. */
	@Transactional(readOnly = true)
	public List<SerialVotingCase> casesOf(MemberId target) {
		return jdbc.query("select * from serial_voting_case where target_id = :target order by id desc",
				new MapSqlParameterSource("target", target.value()), CASE);
	}

	private boolean isNewcomer(MemberId member, Instant now) {
		try {
			return members.profile(member).joinedAt().isAfter(now.minus(properties.ring().joinedWithin()))
					&& ledger.balance(member, Account.REPUTATION).balance() <= properties.ring().maxReputation();
		}
		catch (NotFoundException ex) {
			return false;
		}
	}

	private Optional<SerialVotingCase> reverse(MemberId target, Pattern pattern, Set<MemberId> sources,
			Instant since, Instant now) {
		return Optional.ofNullable(tx.execute(status -> {
			// under the target's locks a second run, here or on another node, finds the entries judged
			ledger.lock(target, Account.POINTS);
			ledger.lock(target, Account.REPUTATION);
			List<Earned> earned = jdbc.query("""
					select e.id, e.account, e.amount, e.subject, e.source_member_id from ledger_entry e
					where e.member_id = :target and e.source_member_id in (:sources) and e.reason in (:reasons)
					  and e.created_at >= :since and e.reverses_id is null
					  and not exists (select 1 from ledger_entry r where r.reverses_id = e.id)
					  and not exists (select 1 from serial_voting_entry j where j.entry_id = e.id)
					order by e.id""",
					new MapSqlParameterSource("target", target.value())
						.addValue("sources", sources.stream().map(MemberId::value).toList())
						.addValue("reasons", properties.reasons())
						.addValue("since", Timestamp.from(since)),
					(rs, i) -> new Earned(rs.getLong("id"), Account.valueOf(rs.getString("account")), rs.getInt("amount"),
							rs.getString("subject"), rs.getLong("source_member_id")));
			if (earned.isEmpty()) {
				return null;
			}
			String note = (pattern == Pattern.RING
					? "voting ring: %d new accounts gave most of their likes and votes to this member"
					: "serial voting: %d members liked or voted for many of this member's posts and petitions")
				.formatted(sources.size());
			Map<Long, Long> reversals = new LinkedHashMap<>();
			long pointsBack = 0;
			long reputationBack = 0;
			for (Earned entry : earned) {
				Long reversal = null;
				if (entry.amount() != 0) {
					Posted posted = ledger.reverseEntry(entry.id(), note);
					if (posted.isNew()) {
						reversal = posted.entryId();
						if (entry.account() == Account.POINTS) {
							pointsBack -= posted.amount();
						}
						else {
							reputationBack -= posted.amount();
						}
					}
				}
				reversals.put(entry.id(), reversal);
			}
			// a like earns an entry in each ledger: one vote per source and post or petition
			int votes = (int) earned.stream().map(e -> e.source() + ":" + e.subject()).distinct().count();
			int entries = (int) reversals.values().stream().filter(Objects::nonNull).count();
			long id = jdbc.queryForObject("""
					insert into serial_voting_case (target_id, pattern, source_ids, votes, entries_reversed,
					    points_reversed, reputation_reversed, window_start, detected_at)
					values (:target, :pattern, :sources, :votes, :entries, :points, :reputation, :since, :now)
					returning id""",
					new MapSqlParameterSource("target", target.value()).addValue("pattern", pattern.name())
						.addValue("sources", sources.stream().map(MemberId::value).toArray(Long[]::new))
						.addValue("votes", votes)
						.addValue("entries", entries)
						.addValue("points", pointsBack)
						.addValue("reputation", reputationBack)
						.addValue("since", Timestamp.from(since))
						.addValue("now", Timestamp.from(now)),
					Long.class);
			jdbc.batchUpdate("insert into serial_voting_entry (entry_id, case_id, reversal_id) values (:entry, :case, :reversal)",
					reversals.entrySet()
						.stream()
						.map(r -> new MapSqlParameterSource("entry", r.getKey()).addValue("case", id)
							.addValue("reversal", r.getValue()))
						.toArray(MapSqlParameterSource[]::new));
			log.warn("Serial voting ({}) for member {} by members {}: {} votes, {} entries reversed, {} points and {} "
					+ "reputation taken back", pattern, target.value(),
					sources.stream().map(s -> String.valueOf(s.value())).collect(Collectors.joining(", ")), votes, entries,
					pointsBack, reputationBack);
			events.publishEvent(new VotesReversed(id, target, pattern, List.copyOf(sources), votes, pointsBack,
					reputationBack, properties.window().toDays()));
			return new SerialVotingCase(id, target, pattern, List.copyOf(sources), votes, entries, pointsBack,
					reputationBack, since, now);
		}));
	}

	private record Given(MemberId source, MemberId target, int votes, long given) {
	}

	private record Earned(long id, Account account, int amount, String subject, long source) {
	}

	private static final RowMapper<SerialVotingCase> CASE = (rs, i) -> new SerialVotingCase(rs.getLong("id"),
			new MemberId(rs.getLong("target_id")), Pattern.valueOf(rs.getString("pattern")),
			members(rs.getArray("source_ids")), rs.getInt("votes"), rs.getInt("entries_reversed"),
			rs.getLong("points_reversed"), rs.getLong("reputation_reversed"),
			rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("detected_at").toInstant());

	private static List<MemberId> members(Array array) throws SQLException {
		return Arrays.stream((Long[]) array.getArray()).map(MemberId::new).toList();
	}
}
