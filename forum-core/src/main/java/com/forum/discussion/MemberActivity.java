package com.forum.discussion;

import java.util.List;

import com.forum.member.MemberId;
import com.forum.shared.MarkdownRenderer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's threads and replies together, newest first, for their profile. Deleted posts are never
 * listed; posts hidden by moderation (or in a hidden thread) only to their author and moderators.
 */
@Service
public class MemberActivity {

	private static final int EXCERPT = 200;

	private static final String POSTS = """
			select 'TOPIC' as kind, t.id as topic_id, null::bigint as reply_id, t.title, t.body, t.created_at
			from topic t
			where t.author_id = :author and t.deleted_at is null and (:withHidden or t.hidden_at is null)
			union all
			select 'REPLY', r.topic_id, r.id, t.title, r.body, r.created_at
			from reply r join topic t on t.id = r.topic_id
			where r.author_id = :author and r.deleted_at is null and t.deleted_at is null
			and (:withHidden or (r.hidden_at is null and t.hidden_at is null))""";

	private final NamedParameterJdbcTemplate jdbc;

	private final MarkdownRenderer markdown;

	MemberActivity(NamedParameterJdbcTemplate jdbc, MarkdownRenderer markdown) {
		this.jdbc = jdbc;
		this.markdown = markdown;
	}

	/** @param withHidden whether the reader may see hidden posts (the author themselves, moderators) */
	@Transactional(readOnly = true)
	public Page<PostActivity> of(MemberId author, boolean withHidden, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("author", author.value())
			.addValue("withHidden", withHidden)
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		Long total = jdbc.queryForObject("select count(*) from (" + POSTS + ") posts", params, Long.class);
		List<PostActivity> items = jdbc.query(
				POSTS + " order by created_at desc, reply_id desc nulls last limit :limit offset :offset", params,
				(rs, i) -> {
					long reply = rs.getLong("reply_id");
					ReplyId replyId = rs.wasNull() ? null : new ReplyId(reply);
					return new PostActivity(replyId == null ? PostKind.TOPIC : PostKind.REPLY,
							new TopicId(rs.getLong("topic_id")), replyId, rs.getString("title"),
							excerpt(rs.getString("body")), rs.getTimestamp("created_at").toInstant());
				});
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}

	private String excerpt(String body) {
		String text = markdown.toPlainText(body);
		return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
	}
}
