package com.forum.petition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.ClusterJobs;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Votes are facts keyed by petition and member. The stored count moves only by the number of facts
 * a statement really added or removed, in the same transaction, so it cannot drift from the facts
 * however many members vote at once. It is kept in {@value #SHARDS} shards per petition, chosen by
 * member id, so simultaneous voters on one petition do not all wait for one row lock; the sum of
 * the shards is the exact count, and {@code petition.vote_count}, which lists sort by, is folded
 * from the shards every second. Each fold tells, in one event, which petitions' counts moved, so the
 * search index follows the votes a second or so behind with one write per fold, not one per vote.
 * <p>
 * Whether a vote is taken is the petition's rule ({@link Petition#checkVotable()}), so the status
 * it was checked against must hold until the vote commits: otherwise a merge could move the voters
 * while a vote is in flight and leave it behind on the duplicate. The vote therefore holds the
 * {@link PetitionStatusLock}, which voters share and a status change waits for.
 */
@Service
public class PetitionVoting implements SchedulingConfigurer {

	static final int SHARDS = 16;

	/** Longer than any vote transaction, so a shard changed by a late commit is folded again. */
	private static final Duration FOLD_OVERLAP = Duration.ofSeconds(30);

	private final Petitions petitions;

	private final PetitionStatusLock statusLock;

	private volatile Instant lastFold = Instant.EPOCH;

	private final NamedParameterJdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PetitionProperties properties;

	private final TransactionTemplate tx;

	private final ClusterJobs jobs;

	PetitionVoting(Petitions petitions, PetitionStatusLock statusLock, NamedParameterJdbcTemplate jdbc,
			ApplicationEventPublisher events, Clock clock, PetitionProperties properties, TransactionTemplate tx,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.petitions = petitions;
		this.statusLock = statusLock;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.tx = tx;
	}

	/**
	 * Backs the petition; repeating it changes nothing.
	 *
	 * @param deviceModel the device the member says is affected ("affects me too"), or null
	 */
	@Transactional
	public VoteState vote(Actor member, PetitionId id, String deviceModel) {
		if (deviceModel != null && deviceModel.strip().length() > 60) {
			throw new InvalidInputException("deviceModel", "too-long", "must be at most 60 characters", 60);
		}
		statusLock.holdStatus(id);
		Petition petition = petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		petition.checkVotable();
		recordVote(petition, member.id(), deviceModel == null || deviceModel.isBlank() ? null : deviceModel.strip());
		return new VoteState(true, count(id));
	}

	@Transactional
	public VoteState unvote(Actor member, PetitionId id) {
		Petition petition = petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		int removed = jdbc.update("delete from petition_vote where petition_id = :petition and member_id = :member",
				new MapSqlParameterSource("petition", id.value()).addValue("member", member.id().value()));
		if (removed > 0) {
			tally(id, member.id(), -1);
			events.publishEvent(new PetitionVoted(id, petition.authorId(), member.id(), false));
		}
		return new VoteState(false, count(id));
	}

	void recordVote(Petition petition, MemberId member, String deviceModel) {
		int added = jdbc.update("""
				insert into petition_vote (petition_id, member_id, device_model, created_at)
				values (:petition, :member, :device, :at) on conflict do nothing""",
				new MapSqlParameterSource("petition", petition.id().value()).addValue("member", member.value())
					.addValue("device", deviceModel)
					.addValue("at", Timestamp.from(clock.instant())));
		if (added > 0) {
			tally(petition.id(), member, 1);
			events.publishEvent(new PetitionVoted(petition.id(), petition.authorId(), member, true));
		}
	}

	/**
	 * Moves a duplicate's backers onto the original; those who backed both count once. The caller
	 * holds the duplicate's {@link PetitionStatusLock} for its status change, so no vote on it is in
	 * flight, and the ones after it see that it is merged.
	 */
	void moveVoters(PetitionId duplicate, PetitionId original) {
		jdbc.update("""
				with taken as (
				    delete from petition_vote where petition_id = :duplicate
				    returning member_id, device_model, created_at),
				moved as (
				    insert into petition_vote (petition_id, member_id, device_model, created_at)
				    select :original, member_id, device_model, created_at from taken
				    on conflict do nothing returning member_id),
				deltas as (
				    select :duplicate as petition_id, (member_id % :shards)::smallint as shard, -count(*) as delta
				    from taken group by 2
				    union all
				    select :original, (member_id % :shards)::smallint, count(*) from moved group by 2)
				insert into petition_vote_tally (petition_id, shard, votes, changed_at)
				select petition_id, shard, delta, :now from deltas
				on conflict (petition_id, shard)
				do update set votes = petition_vote_tally.votes + excluded.votes, changed_at = excluded.changed_at""",
				new MapSqlParameterSource("original", original.value()).addValue("duplicate", duplicate.value())
					.addValue("shards", SHARDS)
					.addValue("now", Timestamp.from(clock.instant())));
	}

	/** A backer a release note credits: the earliest ones, the author not among them. */
	record CreditedBacker(MemberId id, String username) {
	}

	/** The backers credited with the author, earliest first, as many as the release notes name. */
	List<CreditedBacker> creditedBackers(PetitionId petition, MemberId author) {
		return jdbc.query("""
				select m.id, m.username from petition_vote v join member m on m.id = v.member_id
				where v.petition_id = :petition and v.member_id <> :author
				order by v.created_at, v.member_id limit :limit""",
				new MapSqlParameterSource("petition", petition.value()).addValue("author", author.value())
					.addValue("limit", properties.creditedBackers()),
				(rs, row) -> new CreditedBacker(new MemberId(rs.getLong(1)), rs.getString(2)));
	}

	private void tally(PetitionId id, MemberId member, int delta) {
		jdbc.update("""
				insert into petition_vote_tally (petition_id, shard, votes, changed_at)
				values (:petition, :shard, :delta, :now)
				on conflict (petition_id, shard)
				do update set votes = petition_vote_tally.votes + excluded.votes, changed_at = excluded.changed_at""",
				new MapSqlParameterSource("petition", id.value()).addValue("shard", (int) (member.value() % SHARDS))
					.addValue("delta", delta)
					.addValue("now", Timestamp.from(clock.instant())));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(jobs.every("petition-vote-fold", properties.voteFoldInterval(), this::foldRecentVotes),
				properties.voteFoldInterval());
	}

	/** Copies the exact counts of recently voted petitions into the column lists sort by. */
	void foldRecentVotes() {
		Instant started = clock.instant();
		// one transaction for the counts and the event that tells the search index about them
		tx.executeWithoutResult(status -> fold(lastFold.minus(FOLD_OVERLAP)));
		lastFold = started;
	}

	/** The event is published in the fold's transaction, so it exists exactly when the new counts do. */
	void fold(Instant changedSince) {
		List<PetitionId> changed = jdbc.queryForList("""
				update petition p set vote_count = s.total
				from (select petition_id, sum(votes) as total from petition_vote_tally
				      where petition_id in (select petition_id from petition_vote_tally where changed_at >= :since)
				      group by petition_id) s
				where p.id = s.petition_id and p.vote_count <> s.total
				returning p.id""", new MapSqlParameterSource("since", Timestamp.from(changedSince)), Long.class)
			.stream()
			.map(PetitionId::new)
			.toList();
		if (!changed.isEmpty()) {
			events.publishEvent(new PetitionVotesCounted(changed));
		}
	}

	/**
	 * Folds one petition's count at once, for a petition just submitted: it is listed, and indexed,
	 * with its author's vote from the start rather than with none until the next fold.
	 */
	void foldNow(PetitionId id) {
		jdbc.update("""
				update petition set vote_count = (select coalesce(sum(votes), 0) from petition_vote_tally
				                                  where petition_id = :id)
				where id = :id""", new MapSqlParameterSource("id", id.value()));
	}

	@Transactional(readOnly = true)
	public boolean hasVoted(MemberId member, PetitionId id) {
		Integer found = jdbc.queryForObject(
				"select count(*) from petition_vote where petition_id = :petition and member_id = :member",
				new MapSqlParameterSource("petition", id.value()).addValue("member", member.value()), Integer.class);
		return found != null && found > 0;
	}

	/** The exact count: the sum of the petition's shards. */
	@Transactional(readOnly = true)
	public long count(PetitionId id) {
		Long count = jdbc.queryForObject(
				"select coalesce(sum(votes), 0) from petition_vote_tally where petition_id = :id",
				new MapSqlParameterSource("id", id.value()), Long.class);
		return count == null ? 0 : count;
	}

	/** Backers by device model, most affected first. */
	@Transactional(readOnly = true)
	public List<DeviceCount> affectedDevices(PetitionId id) {
		return jdbc.query("""
				select device_model, count(*) as backers from petition_vote
				where petition_id = :id and device_model is not null
				group by device_model order by backers desc, device_model limit 20""",
				new MapSqlParameterSource("id", id.value()),
				(rs, i) -> new DeviceCount(rs.getString("device_model"), rs.getLong("backers")));
	}

	/**
	 * Petitions whose stored counts (the shards' sum, and the list column once folded) differ from
	 * their vote facts; empty when all is well.
	 */
	@Transactional
	public List<VoteCountMismatch> audit() {
		fold(Instant.EPOCH);
		return jdbc.query("""
				select p.id, p.vote_count, coalesce(t.total, 0) as tallied, coalesce(f.facts, 0) as facts
				from petition p
				left join (select petition_id, sum(votes) as total from petition_vote_tally group by petition_id) t
				       on t.petition_id = p.id
				left join (select petition_id, count(*) as facts from petition_vote group by petition_id) f
				       on f.petition_id = p.id
				where coalesce(t.total, 0) <> coalesce(f.facts, 0) or p.vote_count <> coalesce(f.facts, 0)""",
				(rs, i) -> new VoteCountMismatch(new PetitionId(rs.getLong("id")), rs.getLong("tallied"),
						rs.getLong("facts")));
	}

	public record VoteCountMismatch(PetitionId petition, long stored, long facts) {
	}
}
