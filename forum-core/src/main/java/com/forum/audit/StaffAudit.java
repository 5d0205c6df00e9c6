package com.forum.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.Role;
import com.forum.shared.PermissionDeniedException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log, for admins only, newest first, optionally of one action or one actor. */
@Service
public class StaffAudit {

	private final NamedParameterJdbcTemplate jdbc;

	private final MemberDirectory members;

	StaffAudit(NamedParameterJdbcTemplate jdbc, MemberDirectory members) {
		this.jdbc = jdbc;
		this.members = members;
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> entries(Actor reader, String action, MemberId actor, int page, int size) {
		if (reader.role() != Role.ADMIN) {
			throw new PermissionDeniedException("audit", "Only admins read the audit log.");
		}
		MapSqlParameterSource params = new MapSqlParameterSource("action", action)
			.addValue("actor", actor == null ? null : actor.value())
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		String where = " where (cast(:action as text) is null or action = cast(:action as text))"
				+ " and (cast(:actor as bigint) is null or actor_id = cast(:actor as bigint))";
		Long total = jdbc.queryForObject("select count(*) from staff_audit" + where, params, Long.class);
		List<AuditEntry> rows = jdbc.query("select id, at, actor_id, action, subject, details from staff_audit" + where
				+ " order by at desc, id desc limit :limit offset :offset", params,
				(rs, i) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
						rs.getObject("actor_id") == null ? null : new MemberId(rs.getLong("actor_id")), null,
						rs.getString("action"), rs.getString("subject"), rs.getString("details")));
		Map<MemberId, String> names = members
			.usernames(rows.stream().map(AuditEntry::actorId).filter(Objects::nonNull).distinct().toList());
		List<AuditEntry> named = rows.stream()
			.map(e -> new AuditEntry(e.id(), e.at(), e.actorId(), e.actorId() == null ? null : names.get(e.actorId()),
					e.action(), e.subject(), e.details()))
			.toList();
		return new PageImpl<>(named, PageRequest.of(page, size), total == null ? 0 : total);
	}

	/** Every action code the log holds, for filters. */
	@Transactional(readOnly = true)
	public List<String> actions() {
		return jdbc.queryForList("select distinct action from staff_audit order by action", Map.of(), String.class);
	}
}
