package com.forum.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberName;
import com.forum.member.NameFolding;
import com.forum.member.Privilege;
import com.forum.member.PrivilegeRequiredException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.RuleViolationException;
import com.forum.trust.PostingTrust;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything members do in their conversations, and moderators' reading of reported ones; each method
 * is one transaction, and every check comes before the first write, so a refused message leaves no
 * conversation behind.
 */
@Service
public class Conversations {

	private final NamedParameterJdbcTemplate jdbc;

	private final ConversationStore store;

	private final MemberDirectory members;

	private final MarkdownRenderer markdown;

	private final PostingTrust trust;

	private final ConversationProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Conversations(NamedParameterJdbcTemplate jdbc, ConversationStore store, MemberDirectory members,
			MarkdownRenderer markdown, PostingTrust trust, ConversationProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.members = members;
		this.markdown = markdown;
		this.trust = trust;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a conversation with the named members and sends its first message. Starting one is a
	 * privilege; a member who blocks the starter, or whom the starter blocks, cannot be in it.
	 */
	@Transactional
	public ConversationId start(Actor starter, List<String> recipientNames, String subject, String body) {
		starter.require(Privilege.START_CONVERSATIONS);
		String cleanSubject = checkSubject(subject);
		checkBody(starter, body);
		List<MemberName> recipients = recipients(starter, recipientNames);
		for (MemberName recipient : recipients) {
			if (store.blocks(recipient.id(), starter.id())) {
				throw new RuleViolationException("recipient-unavailable",
						recipient.username() + " does not take messages from you", recipient.username());
			}
			if (store.blocks(starter.id(), recipient.id())) {
				throw new RuleViolationException("recipient-blocked",
						"You block " + recipient.username() + "; unblock them to write to them", recipient.username());
			}
		}
		trust.admit(starter, cleanSubject + "\n" + body, markdown.linkTargets(body).size());
		Instant now = clock.instant();
		ConversationId id = store.create(cleanSubject, starter.id(), recipients.stream().map(MemberName::id).toList(), now);
		send(store.find(id).orElseThrow(), starter.id(), body, now);
		return id;
	}

	/** A message in a conversation the author takes part in; no privilege is needed for that. */
	@Transactional
	public long reply(Actor author, ConversationId id, String body) {
		Conversation conversation = store.lock(id).forParticipant(author);
		checkBody(author, body);
		trust.admit(author, body, markdown.linkTargets(body).size());
		return send(conversation, author.id(), body, clock.instant());
	}

	/** Everything delivered to the reader so far counts as read. */
	@Transactional
	public void markRead(Actor reader, ConversationId id) {
		store.find(id).orElseThrow(() -> Conversation.notFound(id)).forParticipant(reader);
		jdbc.update("""
				update conversation_participant
				set unread_count = 0,
				    last_read_message_id = coalesce((select max(id) from conversation_message where conversation_id = :id), 0)
				where conversation_id = :id and member_id = :member""", params(id, reader.id()));
	}

	/** The member leaves: it is gone from their inbox, and the others see that they left. */
	@Transactional
	public void leave(Actor member, ConversationId id) {
		store.lock(id).forParticipant(member);
		Instant now = clock.instant();
		jdbc.update("""
				update conversation_participant set left_at = :now, unread_count = 0
				where conversation_id = :id and member_id = :member""",
				params(id, member.id()).addValue("now", Timestamp.from(now)));
		jdbc.update("""
				insert into conversation_message (conversation_id, author_id, kind, created_at)
				values (:id, :member, 'LEFT', :now)""", params(id, member.id()).addValue("now", Timestamp.from(now)));
	}

	/**
	 * A participant reports the conversation: from then on moderators may read it. A second report by
	 * the same member changes nothing.
	 *
	 * @return whether the report is new
	 */
	@Transactional
	public boolean report(Actor reporter, ConversationId id, String reasonId, String note) {
		store.lock(id).forParticipant(reporter);
		ReportReason reason = ReportReason.byId(reasonId)
			.orElseThrow(() -> new InvalidInputException("reason", "one-of", "must be one of spam, harassment, other",
					"spam, harassment, other"));
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (reason == ReportReason.OTHER && cleanNote == null) {
			throw new InvalidInputException("note", "blank", "must not be blank");
		}
		if (cleanNote != null && cleanNote.length() > properties.maxReportNoteLength()) {
			throw new InvalidInputException("note", "too-long",
					"must be at most " + properties.maxReportNoteLength() + " characters", properties.maxReportNoteLength());
		}
		Instant now = clock.instant();
		Long report = jdbc.query("""
				insert into conversation_report (conversation_id, reporter_id, reason, note, created_at)
				values (:id, :member, :reason, :note, :now)
				on conflict (conversation_id, reporter_id) do nothing returning id""",
				params(id, reporter.id()).addValue("reason", reason.name())
					.addValue("note", cleanNote)
					.addValue("now", Timestamp.from(now)),
				(rs, i) -> rs.getLong(1)).stream().findFirst().orElse(null);
		if (report == null) {
			return false;
		}
		jdbc.update("update conversation set reported_at = coalesce(reported_at, :now) where id = :id",
				params(id, reporter.id()).addValue("now", Timestamp.from(now)));
		return true;
	}

	/**
	 * A moderator reads a reported conversation, every message as sent; the read is written to the audit
	 * log. Anybody else, and any conversation nobody reported, is a 404.
	 */
	@Transactional
	public ConversationDetails readReported(Actor moderator, ConversationId id) {
		store.find(id).orElseThrow(() -> Conversation.notFound(id)).forModerator(moderator);
		events.publishEvent(new ConversationReadByModerator(UUID.randomUUID(), id, moderator.id(), clock.instant()));
		return store.details(id, null, 0);
	}

	private long send(Conversation conversation, MemberId author, String body, Instant now) {
		ConversationId id = conversation.id();
		MapSqlParameterSource message = params(id, author).addValue("body", body)
			.addValue("html", markdown.toSafeHtml(body))
			.addValue("now", Timestamp.from(now));
		long messageId = jdbc.queryForObject("""
				insert into conversation_message (conversation_id, author_id, kind, body, body_html, created_at)
				values (:id, :member, 'MESSAGE', :body, :html, :now) returning id""", message, Long.class);
		List<MemberId> others = conversation.othersThan(author);
		Set<MemberId> blocking = store.blockersAmong(others, author);
		List<MemberId> delivered = others.stream().filter(member -> !blocking.contains(member)).toList();
		MapSqlParameterSource posted = params(id, author).addValue("message", messageId)
			.addValue("now", Timestamp.from(now))
			.addValue("delivered", ids(delivered))
			.addValue("withheld", ids(blocking));
		jdbc.update("""
				insert into conversation_message_withheld (message_id, member_id)
				select :message, unnest(cast(:withheld as bigint[]))""", posted);
		jdbc.update("""
				update conversation_participant set unread_count = unread_count + 1
				where conversation_id = :id and member_id = any(:delivered)""", posted);
		jdbc.update("""
				update conversation_participant set unread_count = 0, last_read_message_id = :message
				where conversation_id = :id and member_id = :member""", posted);
		jdbc.update("update conversation set last_message_at = :now, version = version + 1 where id = :id", posted);
		events.publishEvent(new ConversationMessagePosted(id, messageId, author, conversation.subject(), delivered));
		return messageId;
	}

	private List<MemberName> recipients(Actor starter, List<String> names) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (String name : names == null ? List.<String>of() : names) {
			if (name != null && !name.isBlank()) {
				wanted.putIfAbsent(NameFolding.fold(name.strip()), name.strip());
			}
		}
		if (wanted.isEmpty()) {
			throw new InvalidInputException("recipients", "blank", "must not be blank");
		}
		Map<String, MemberName> found = members.byNames(wanted.values());
		List<String> unknown = new ArrayList<>();
		Set<MemberName> recipients = new LinkedHashSet<>();
		wanted.forEach((folded, name) -> {
			MemberName member = found.get(folded);
			if (member == null) {
				unknown.add(name);
			}
			else if (!member.id().equals(starter.id())) {
				recipients.add(member);
			}
		});
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("recipients", "unknown-member", "no member named " + String.join(", ", unknown),
					String.join(", ", unknown));
		}
		if (recipients.isEmpty()) {
			throw new InvalidInputException("recipients", "only-yourself", "must name someone besides you");
		}
		if (recipients.size() + 1 > properties.maxParticipants()) {
			throw new InvalidInputException("recipients", "too-many",
					"must name at most " + (properties.maxParticipants() - 1) + " members",
					properties.maxParticipants() - 1);
		}
		return List.copyOf(recipients);
	}

	private String checkSubject(String subject) {
		String clean = subject == null ? "" : subject.strip();
		int length = clean.codePointCount(0, clean.length());
		if (length < 1 || length > properties.maxSubjectLength()) {
			throw new InvalidInputException("subject", "length",
					"must be 1 to " + properties.maxSubjectLength() + " characters", 1, properties.maxSubjectLength());
		}
		return clean;
	}

	/** The checks a reply's text passes: not blank, not too long, images as the forum takes them, links a privilege. */
	private void checkBody(Actor author, String body) {
		markdown.checkText("body", body, properties.maxBodyLength());
		if (!author.holds(Privilege.POST_LINKS_IMAGES) && !markdown.linkTargets(body).isEmpty()) {
			throw new PrivilegeRequiredException(Privilege.POST_LINKS_IMAGES);
		}
	}

	private static MapSqlParameterSource params(ConversationId id, MemberId member) {
		return new MapSqlParameterSource("id", id.value()).addValue("member", member.value());
	}

	private static Long[] ids(java.util.Collection<MemberId> members) {
		return members.stream().map(MemberId::value).toArray(Long[]::new);
	}
}
