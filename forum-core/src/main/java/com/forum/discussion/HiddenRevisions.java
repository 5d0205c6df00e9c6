package com.forum.discussion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import com.forum.member.MemberId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which revisions moderators hid. Kept beside the revisions, which are never changed: hiding one is a
 * fact of its own, and showing it again removes that fact.
 */
@Component
class HiddenRevisions {

	private final NamedParameterJdbcTemplate jdbc;

	HiddenRevisions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether this hid it (false when it was hidden already). */
	boolean hide(long revisionId, MemberId by, String note, Instant at) {
		return jdbc.update("""
				insert into post_revision_hidden (revision_id, hidden_by, hidden_at, note)
				values (:revision, :by, :at, :note) on conflict (revision_id) do nothing""",
				new MapSqlParameterSource("revision", revisionId).addValue("by", by.value())
					.addValue("at", Timestamp.from(at))
					.addValue("note", note)) == 1;
	}

	/** Whether this showed it (false when it was not hidden). */
	boolean show(long revisionId) {
		return jdbc.update("delete from post_revision_hidden where revision_id = :revision",
				new MapSqlParameterSource("revision", revisionId)) == 1;
	}

	Set<Long> hiddenAmong(Collection<Long> revisionIds) {
		if (revisionIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList(
				"select revision_id from post_revision_hidden where revision_id in (:ids)",
				new MapSqlParameterSource("ids", revisionIds), Long.class));
	}
}
