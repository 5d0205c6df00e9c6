package com.forum.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The conversation tables, read and written for the services of this feature. */
@Component
class ConversationStore {

	private final NamedParameterJdbcTemplate jdbc;

	private final MemberDirectory members;

	ConversationStore(NamedParameterJdbcTemplate jdbc, MemberDirectory members) {
		this.jdbc = jdbc;
		this.members = members;
	}

	Optional<Conversation> find(ConversationId id) {
		return load(id, "");
	}

	/**
	 * The conversation, its row locked until the transaction ends: a message and a leaving of the same
	 * conversation go one after the other, so nobody is sent to after they left.
	 */
	Conversation lock(ConversationId id) {
		return load(id, " for update").orElseThrow(() -> Conversation.notFound(id));
	}

	private Optional<Conversation> load(ConversationId id, String lock) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id.value());
		return jdbc.query("select subject, reported_at from conversation where id = :id" + lock, params,
				(rs, i) -> new Conversation(id, rs.getString(1), rs.getTimestamp(2) != null,
						Set.copyOf(jdbc.query("""
								select member_id from conversation_participant
								where conversation_id = :id and left_at is null""", params,
								(p, j) -> new MemberId(p.getLong(1))))))
			.stream()
			.findFirst();
	}

	ConversationId create(String subject, MemberId starter, List<MemberId> recipients, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource("subject", subject).addValue("starter", starter.value())
			.addValue("now", Timestamp.from(now));
		long id = jdbc.queryForObject("""
				insert into conversation (subject, started_by, created_at, last_message_at)
				values (:subject, :starter, :now, :now) returning id""", params, Long.class);
		Long[] everyone = java.util.stream.Stream.concat(java.util.stream.Stream.of(starter), recipients.stream())
			.map(MemberId::value)
			.toArray(Long[]::new);
		jdbc.update("""
				insert into conversation_participant (conversation_id, member_id, joined_at)
				select :id, unnest(cast(:members as bigint[])), :now""",
				params.addValue("id", id).addValue("members", everyone));
		return new ConversationId(id);
	}

	boolean blocks(MemberId blocker, MemberId blocked) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from member_block where blocker_id = :blocker and blocked_id = :blocked)",
				new MapSqlParameterSource("blocker", blocker.value()).addValue("blocked", blocked.value()),
				Boolean.class));
	}

	/** Those of the members who block the author. */
	Set<MemberId> blockersAmong(List<MemberId> candidates, MemberId author) {
		if (candidates.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.query("""
				select blocker_id from member_block where blocked_id = :author and blocker_id = any(:candidates)""",
				new MapSqlParameterSource("author", author.value()).addValue("candidates",
						candidates.stream().map(MemberId::value).toArray(Long[]::new)),
				(rs, i) -> new MemberId(rs.getLong(1))));
	}

	/**
	 * The conversation with its messages, oldest first.
	 *
	 * @param reader whose deliveries are shown (the messages withheld from them are left out), or null
	 *        for every message as sent (a moderator reading a reported conversation)
	 * @param unread what the reader had not read yet
	 */
	ConversationDetails details(ConversationId id, MemberId reader, int unread) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id.value()).addValue("reader",
				reader == null ? null : reader.value());
		record Head(String subject, Instant createdAt, boolean reported) {
		}
		Head head = jdbc.queryForObject("select subject, created_at, reported_at from conversation where id = :id",
				params, (rs, i) -> new Head(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) != null));
		record Row(long memberId, boolean left) {
		}
		List<Row> participants = jdbc.query("""
				select member_id, left_at is not null from conversation_participant
				where conversation_id = :id order by joined_at, member_id""", params,
				(rs, i) -> new Row(rs.getLong(1), rs.getBoolean(2)));
		record Message(long id, long authorId, boolean left, String body, String html, Instant at) {
		}
		List<Message> messages = jdbc.query("""
				select m.id, m.author_id, m.kind = 'LEFT', m.body, m.body_html, m.created_at
				from conversation_message m
				where m.conversation_id = :id
				  and not exists (select 1 from conversation_message_withheld w
				                  where w.message_id = m.id and w.member_id = cast(:reader as bigint))
				order by m.id""", params,
				(rs, i) -> new Message(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
						rs.getTimestamp(6).toInstant()));
		Set<MemberId> named = new HashSet<>();
		participants.forEach(p -> named.add(new MemberId(p.memberId())));
		messages.forEach(m -> named.add(new MemberId(m.authorId())));
		Map<MemberId, String> names = members.usernames(named);
		return new ConversationDetails(id, head.subject(), head.createdAt(),
				participants.stream()
					.map(p -> new ConversationDetails.Participant(name(names, p.memberId()), p.left()))
					.toList(),
				messages.stream()
					.map(m -> new ConversationMessage(m.id(), new MemberId(m.authorId()), name(names, m.authorId()), m.left(),
							m.body(), m.html(), m.at()))
					.toList(),
				unread, head.reported());
	}

	private static String name(Map<MemberId, String> names, long id) {
		return names.getOrDefault(new MemberId(id), "#" + id);
	}
}
