package com.forum.petition;

import com.forum.member.Actor;
import com.forum.shared.NotFoundException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members follow a petition to hear of it without voting, or mute it to hear nothing even though
 * they voted or wrote it.
 */
@Service
public class PetitionFollowing {

	public enum Mode {
		FOLLOW, MUTE, DEFAULT
	}

	private final Petitions petitions;

	private final NamedParameterJdbcTemplate jdbc;

	PetitionFollowing(Petitions petitions, NamedParameterJdbcTemplate jdbc) {
		this.petitions = petitions;
		this.jdbc = jdbc;
	}

	@Transactional
	public void set(Actor member, PetitionId id, Mode mode) {
		petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		MapSqlParameterSource params = new MapSqlParameterSource("petition", id.value())
			.addValue("member", member.id().value())
			.addValue("mode", mode.name());
		if (mode == Mode.DEFAULT) {
			jdbc.update("delete from petition_subscription where petition_id = :petition and member_id = :member",
					params);
			return;
		}
		jdbc.update("""
				insert into petition_subscription (petition_id, member_id, mode) values (:petition, :member, :mode)
				on conflict (petition_id, member_id) do update set mode = excluded.mode""", params);
	}

	@Transactional(readOnly = true)
	public Mode mode(Actor member, PetitionId id) {
		return jdbc.query("select mode from petition_subscription where petition_id = :petition and member_id = :member",
				new MapSqlParameterSource("petition", id.value()).addValue("member", member.id().value()),
				(rs, i) -> Mode.valueOf(rs.getString(1))).stream().findFirst().orElse(Mode.DEFAULT);
	}
}
