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
 * Likes as facts keyed by post and member. Inserting an existing fact does nothing, so the count
 * changes only when a fact is really added or removed, however often a request is repeated.
 */
@Component
class PostLikes {

	private final NamedParameterJdbcTemplate jdbc;

	PostLikes(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean add(PostKind kind, long postId, MemberId member, Instant at) {
		return jdbc.update("""
				insert into post_like (post_kind, post_id, member_id, created_at)
				values (:kind, :post, :member, :at) on conflict do nothing""",
				params(kind, postId, member).addValue("at", Timestamp.from(at))) == 1;
	}

	boolean remove(PostKind kind, long postId, MemberId member) {
		return jdbc.update("delete from post_like where post_kind = :kind and post_id = :post and member_id = :member",
				params(kind, postId, member)) == 1;
	}

	Set<Long> likedBy(MemberId member, PostKind kind, Collection<Long> postIds) {
		if (postIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.queryForList("""
				select post_id from post_like
				where post_kind = :kind and member_id = :member and post_id in (:posts)""",
				new MapSqlParameterSource("kind", kind.name()).addValue("member", member.value())
					.addValue("posts", postIds),
				Long.class));
	}

	long count(PostKind kind, long postId) {
		Long count = jdbc.queryForObject("select count(*) from post_like where post_kind = :kind and post_id = :post",
				new MapSqlParameterSource("kind", kind.name()).addValue("post", postId), Long.class);
		return count == null ? 0 : count;
	}

	private static MapSqlParameterSource params(PostKind kind, long postId, MemberId member) {
		return new MapSqlParameterSource("kind", kind.name()).addValue("post", postId)
			.addValue("member", member.value());
	}
}
