package com.forum.conversation;

import java.util.Arrays;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.PermissionDeniedException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What members read of their conversations, and the moderators' list of reports. */
@Service
public class ConversationQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final ConversationStore store;

	ConversationQueries(NamedParameterJdbcTemplate jdbc, ConversationStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	/** The member's inbox: the conversations they are still in, newest activity first. */
	@Transactional(readOnly = true)
	public Page<ConversationSummary> inbox(MemberId member, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("member", member.value()).addValue("limit", size)
			.addValue("offset", (long) page * size);
		Long total = jdbc.queryForObject(
				"select count(*) from conversation_participant where member_id = :member and left_at is null", params,
				Long.class);
		List<ConversationSummary> items = jdbc.query("""
				select c.id, c.subject, c.last_message_at, p.unread_count,
				       array(select m.username from conversation_participant o join member m on m.id = o.member_id
				             where o.conversation_id = c.id and o.member_id <> :member and o.left_at is null
				             order by m.username) as others
				from conversation_participant p join conversation c on c.id = p.conversation_id
				where p.member_id = :member and p.left_at is null
				order by c.last_message_at desc, c.id desc limit :limit offset :offset""", params,
				(rs, i) -> new ConversationSummary(new ConversationId(rs.getLong(1)), rs.getString(2),
						Arrays.asList((String[]) rs.getArray(5).getArray()), rs.getTimestamp(3).toInstant(), rs.getInt(4)));
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}

	/** Unread messages over all the member's conversations, for the header: one indexed query. */
	@Transactional(readOnly = true)
	public long unreadCount(MemberId member) {
		Long unread = jdbc.queryForObject("""
				select coalesce(sum(unread_count), 0) from conversation_participant
				where member_id = :member and left_at is null""", new MapSqlParameterSource("member", member.value()),
				Long.class);
		return unread == null ? 0 : unread;
	}

	/** A conversation as one of its participants reads it; a 404 for anybody else, staff included. */
	@Transactional(readOnly = true)
	public ConversationDetails conversation(Actor reader, ConversationId id) {
		store.find(id).orElseThrow(() -> Conversation.notFound(id)).forParticipant(reader);
		Integer unread = jdbc.queryForObject("""
				select unread_count from conversation_participant where conversation_id = :id and member_id = :member""",
				new MapSqlParameterSource("id", id.value()).addValue("member", reader.id().value()), Integer.class);
		return store.details(id, reader.id(), unread == null ? 0 : unread);
	}

	/** Reports for moderators, newest first. */
	@Transactional(readOnly = true)
	public Page<ConversationReportView> reports(Actor moderator, int page, int size) {
		if (!moderator.moderates()) {
			throw new PermissionDeniedException("review-conversations", "Only moderators read reported conversations.");
		}
		MapSqlParameterSource params = new MapSqlParameterSource("limit", size).addValue("offset", (long) page * size);
		Long total = jdbc.queryForObject("select count(*) from conversation_report", params, Long.class);
		List<ConversationReportView> items = jdbc.query("""
				select r.id, r.conversation_id, c.subject, m.username, r.reason, r.note, r.created_at
				from conversation_report r join conversation c on c.id = r.conversation_id
				join member m on m.id = r.reporter_id
				order by r.created_at desc, r.id desc limit :limit offset :offset""", params,
				(rs, i) -> new ConversationReportView(rs.getLong(1), new ConversationId(rs.getLong(2)), rs.getString(3),
						rs.getString(4), ReportReason.valueOf(rs.getString(5)), rs.getString(6),
						rs.getTimestamp(7).toInstant()));
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}
}
