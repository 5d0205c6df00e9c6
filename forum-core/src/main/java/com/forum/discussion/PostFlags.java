package com.forum.discussion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.forum.member.MemberId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Flags as facts. One open flag per member and post is kept by a unique index, and inserting one
 * that is already open does nothing, so a repeated or concurrent flag stores (and counts) once.
 */
@Component
class PostFlags {

	private final NamedParameterJdbcTemplate jdbc;

	PostFlags(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the flag unless the member's flag of the post is open already; the new flag's id, if any. */
	Optional<Long> add(PostFlag flag) {
		List<Long> id = jdbc.queryForList("""
				insert into post_flag (post_kind, post_id, flagger_id, reason, note, created_at)
				values (:kind, :post, :flagger, :reason, :note, :at)
				on conflict (post_kind, post_id, flagger_id) where resolution is null do nothing
				returning id""",
				post(flag.kind(), flag.postId()).addValue("flagger", flag.flaggerId().value())
					.addValue("reason", flag.grounds().reason().name())
					.addValue("note", flag.grounds().note())
					.addValue("at", Timestamp.from(flag.at())),
				Long.class);
		return id.stream().findFirst();
	}

	/** The member's open flag of the post, as it was first given. */
	Optional<FlagState> open(PostKind kind, long postId, MemberId flagger) {
		return jdbc.query("""
				select reason, created_at from post_flag
				where post_kind = :kind and post_id = :post and flagger_id = :flagger and resolution is null""",
				post(kind, postId).addValue("flagger", flagger.value()),
				(rs, i) -> new FlagState(kind, postId, FlagReason.valueOf(rs.getString("reason")),
						rs.getTimestamp("created_at").toInstant()))
			.stream()
			.findFirst();
	}

	/** Closes every open flag of the post with the moderator's decision; the flags it closed. */
	List<FlagResolved> resolve(PostKind kind, long postId, TopicId topic, boolean agreed, MemberId by, Instant at) {
		return jdbc.query("""
				update post_flag set resolution = :resolution, resolved_at = :at, resolved_by = :by
				where post_kind = :kind and post_id = :post and resolution is null
				returning id, flagger_id""",
				post(kind, postId).addValue("resolution", agreed ? "AGREED" : "DECLINED")
					.addValue("at", Timestamp.from(at))
					.addValue("by", by.value()),
				(rs, i) -> new FlagResolved(rs.getLong("id"), new MemberId(rs.getLong("flagger_id")), kind, postId, topic,
						agreed));
	}

	/** The post's open flags, the earliest first. */
	List<OpenFlag> open(PostKind kind, long postId) {
		return jdbc.query("""
				select flagger_id, reason, created_at from post_flag
				where post_kind = :kind and post_id = :post and resolution is null
				order by created_at, id""", post(kind, postId),
				(rs, i) -> new OpenFlag(new MemberId(rs.getLong("flagger_id")), FlagReason.valueOf(rs.getString("reason")),
						rs.getTimestamp("created_at").toInstant()));
	}

	/** Open flags by reason, for each of these posts of one kind. */
	Map<Long, Map<FlagReason, Integer>> openByReason(PostKind kind, Collection<Long> postIds) {
		Map<Long, Map<FlagReason, Integer>> counts = new HashMap<>();
		if (postIds.isEmpty()) {
			return counts;
		}
		jdbc.query("""
				select post_id, reason, count(*) as flags from post_flag
				where post_kind = :kind and post_id in (:posts) and resolution is null
				group by post_id, reason""",
				new MapSqlParameterSource("kind", kind.name()).addValue("posts", postIds),
				rs -> {
					counts.computeIfAbsent(rs.getLong("post_id"), id -> new EnumMap<>(FlagReason.class))
						.put(FlagReason.valueOf(rs.getString("reason")), rs.getInt("flags"));
				});
		return counts;
	}

	private static MapSqlParameterSource post(PostKind kind, long postId) {
		return new MapSqlParameterSource("kind", kind.name()).addValue("post", postId);
	}
}
