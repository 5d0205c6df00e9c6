package com.forum.petition;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Votes are facts keyed by petition and member. The stored count moves only by the number of facts
 * a statement really added or removed, inside the same transaction and under the petition row's
 * lock, so it cannot drift from the facts however many members vote at once.
 */
@Service
public class PetitionVoting {

	private final Petitions petitions;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	PetitionVoting(Petitions petitions, NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.petitions = petitions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Backs the petition; repeating it changes nothing.
	 *
	 * @param deviceModel the device the member says is affected ("affects me too"), or null
	 */
	@Transactional
	public VoteState vote(Actor member, PetitionId id, String deviceModel) {
		if (deviceModel != null && deviceModel.strip().length() > 60) {
			throw new InvalidInputException("deviceModel", "must be at most 60 characters");
		}
		Petition petition = petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		petition.checkVotable();
		recordVote(petition, member.id(), deviceModel == null || deviceModel.isBlank() ? null : deviceModel.strip());
		return new VoteState(true, count(id));
	}

	@Transactional
	public VoteState unvote(Actor member, PetitionId id) {
		petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		int removed = jdbc.update("delete from petition_vote where petition_id = :petition and member_id = :member",
				new MapSqlParameterSource("petition", id.value()).addValue("member", member.id().value()));
		adjust(id, -removed);
		return new VoteState(false, count(id));
	}

	void recordVote(Petition petition, MemberId member, String deviceModel) {
		int added = jdbc.update("""
				insert into petition_vote (petition_id, member_id, device_model, created_at)
				values (:petition, :member, :device, :at) on conflict do nothing""",
				new MapSqlParameterSource("petition", petition.id().value()).addValue("member", member.value())
					.addValue("device", deviceModel)
					.addValue("at", Timestamp.from(clock.instant())));
		adjust(petition.id(), added);
	}

	/**
	 * Moves a duplicate's backers onto the original; those who backed both count once. The
	 * duplicate keeps its own facts as a record of who asked there.
	 */
	void moveVoters(PetitionId duplicate, PetitionId original) {
		int added = jdbc.update("""
				insert into petition_vote (petition_id, member_id, device_model, created_at)
				select :original, member_id, device_model, created_at from petition_vote where petition_id = :duplicate
				on conflict do nothing""",
				new MapSqlParameterSource("original", original.value()).addValue("duplicate", duplicate.value()));
		adjust(original, added);
	}

	private void adjust(PetitionId id, int delta) {
		if (delta != 0) {
			jdbc.update("update petition set vote_count = vote_count + :delta where id = :id",
					new MapSqlParameterSource("delta", delta).addValue("id", id.value()));
		}
	}

	public boolean hasVoted(MemberId member, PetitionId id) {
		Integer found = jdbc.queryForObject(
				"select count(*) from petition_vote where petition_id = :petition and member_id = :member",
				new MapSqlParameterSource("petition", id.value()).addValue("member", member.value()), Integer.class);
		return found != null && found > 0;
	}

	public long count(PetitionId id) {
		Long count = jdbc.queryForObject("select vote_count from petition where id = :id",
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

	/** Petitions whose stored count differs from their vote facts; empty when all is well. */
	@Transactional(readOnly = true)
	public List<VoteCountMismatch> audit() {
		return jdbc.query("""
				select p.id, p.vote_count, count(v.member_id) as facts
				from petition p left join petition_vote v on v.petition_id = p.id
				group by p.id, p.vote_count having p.vote_count <> count(v.member_id)""",
				(rs, i) -> new VoteCountMismatch(new PetitionId(rs.getLong("id")), rs.getLong("vote_count"),
						rs.getLong("facts")));
	}

	public record VoteCountMismatch(PetitionId petition, long stored, long facts) {
	}
}
