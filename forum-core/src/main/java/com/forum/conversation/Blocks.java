package com.forum.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberProfile;
import com.forum.shared.InvalidInputException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members a member blocks. A blocked member cannot start a conversation with the blocker, and what
 * they write in a conversation they already share is not delivered to the blocker (never, even after
 * an unblock: it was withheld when sent). Blocking is private: only the blocker sees their list, and
 * the blocked member is not told.
 */
@Service
public class Blocks {

	private final NamedParameterJdbcTemplate jdbc;

	private final MemberDirectory members;

	private final Clock clock;

	Blocks(NamedParameterJdbcTemplate jdbc, MemberDirectory members, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.clock = clock;
	}

	/** Blocks the member; blocking them again changes nothing. */
	@Transactional
	public void block(Actor blocker, String username) {
		MemberProfile blocked = members.publicProfile(username);
		if (blocked.id().equals(blocker.id())) {
			throw new InvalidInputException("username", "self", "must not be your own");
		}
		jdbc.update("""
				insert into member_block (blocker_id, blocked_id, created_at) values (:blocker, :blocked, :now)
				on conflict do nothing""", params(blocker.id(), blocked.id()).addValue("now", Timestamp.from(clock.instant())));
	}

	@Transactional
	public void unblock(Actor blocker, String username) {
		MemberProfile blocked = members.publicProfile(username);
		jdbc.update("delete from member_block where blocker_id = :blocker and blocked_id = :blocked",
				params(blocker.id(), blocked.id()));
	}

	/** The usernames the member blocks, in order. */
	@Transactional(readOnly = true)
	public List<String> blockedBy(MemberId blocker) {
		return jdbc.queryForList("""
				select m.username from member_block b join member m on m.id = b.blocked_id
				where b.blocker_id = :blocker order by m.username""", new MapSqlParameterSource("blocker", blocker.value()),
				String.class);
	}

	@Transactional(readOnly = true)
	public boolean blocks(MemberId blocker, String username) {
		return blockedBy(blocker).stream().anyMatch(username::equalsIgnoreCase);
	}

	private static MapSqlParameterSource params(MemberId blocker, MemberId blocked) {
		return new MapSqlParameterSource("blocker", blocker.value()).addValue("blocked", blocked.value());
	}
}
