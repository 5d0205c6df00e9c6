package com.forum.watching;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.forum.discussion.TopicId;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members following members, and the feed of the threads those they follow start. */
@Service
public class Following {

	private final NamedParameterJdbcTemplate jdbc;

	private final MemberDirectory members;

	private final Clock clock;

	Following(NamedParameterJdbcTemplate jdbc, MemberDirectory members, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.clock = clock;
	}

	/** Follows a member; following them again changes nothing, and no one follows themselves. */
	@Transactional
	public void follow(MemberId follower, MemberId followee) {
		if (follower.equals(followee)) {
			throw new InvalidInputException("member", "self-follow", "cannot follow yourself");
		}
		members.profile(followee);
		jdbc.update("""
				insert into member_follow (follower_id, followee_id, created_at) values (:follower, :followee, :now)
				on conflict do nothing""", pair(follower, followee).addValue("now", Timestamp.from(clock.instant())));
	}

	@Transactional
	public void unfollow(MemberId follower, MemberId followee) {
		jdbc.update("delete from member_follow where follower_id = :follower and followee_id = :followee",
				pair(follower, followee));
	}

	@Transactional(readOnly = true)
	public boolean follows(MemberId follower, MemberId followee) {
		Boolean found = jdbc.queryForObject("""
				select exists (select 1 from member_follow where follower_id = :follower and followee_id = :followee)""",
				pair(follower, followee), Boolean.class);
		return Boolean.TRUE.equals(found);
	}

	@Transactional(readOnly = true)
	public long followerCount(MemberId followee) {
		Long count = jdbc.queryForObject("select count(*) from member_follow where followee_id = :followee",
				new MapSqlParameterSource("followee", followee.value()), Long.class);
		return count == null ? 0 : count;
	}

	/** The next batch of a member's followers by ascending id after {@code after} (null: from the first). */
	@Transactional(readOnly = true)
	public List<MemberId> followers(MemberId followee, MemberId after, int limit) {
		return jdbc.queryForList("""
				select follower_id from member_follow where followee_id = :followee and follower_id > :after
				order by follower_id limit :limit""",
				new MapSqlParameterSource("followee", followee.value()).addValue("after", after == null ? 0L : after.value())
					.addValue("limit", limit),
				Long.class)
			.stream()
			.map(MemberId::new)
			.toList();
	}

	/** The live threads of the members the follower follows, newest first. */
	@Transactional(readOnly = true)
	public Page<TopicId> feed(MemberId follower, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("follower", follower.value()).addValue("limit", size)
			.addValue("offset", (long) page * size);
		String threads = """
				from topic t join member_follow f on f.followee_id = t.author_id and f.follower_id = :follower
				where t.deleted_at is null and t.hidden_at is null""";
		Long total = jdbc.queryForObject("select count(*) " + threads, params, Long.class);
		List<TopicId> items = jdbc.query(
				"select t.id " + threads + " order by t.created_at desc, t.id desc limit :limit offset :offset", params,
				(rs, i) -> new TopicId(rs.getLong(1)));
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}

	private static MapSqlParameterSource pair(MemberId follower, MemberId followee) {
		return new MapSqlParameterSource("follower", follower.value()).addValue("followee", followee.value());
	}
}
