package com.forum.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.forum.member.LanguageProperties;
import com.forum.member.MemberId;
import com.forum.notification.internal.NotificationColumns;
import com.forum.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's notification centre. */
@Service
public class Notifications {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final MessageSource messages;

	private final LanguageProperties languages;

	private final MailOutbox outbox;

	private final NotificationPreferences preferences;

	private final MailDigests digests;

	Notifications(NamedParameterJdbcTemplate jdbc, Clock clock, MessageSource messages, LanguageProperties languages,
			MailOutbox outbox, NotificationPreferences preferences, MailDigests digests) {
		this.outbox = outbox;
		this.preferences = preferences;
		this.digests = digests;
		this.jdbc = jdbc;
		this.clock = clock;
		this.messages = messages;
		this.languages = languages;
	}

	/**
	 * Tells one member something that concerns only them (a badge earned). The words keep their keys,
	 * so the centre shows them in the language of whoever reads them; the key makes a second call for
	 * the same news add nothing. Returns whether the notification is new.
	 */
	@Transactional
	public boolean send(MemberId recipient, String kind, Message title, Message body, String link, String key) {
		return jdbc.update("""
				insert into notification (recipient_id, kind, title, body, message_key, message_args, body_key, link,
				                          dedupe_key, created_at)
				values (:recipient, :kind, :title, :body, :messageKey, :messageArgs, :bodyKey, :link, :key, :now)
				on conflict (recipient_id, dedupe_key) do nothing""",
				NotificationColumns.of(kind, title, body, link, key, clock.instant(), messages, languages.fallback())
					.addValue("recipient", recipient.value())) > 0;
	}

	/** A member's notifications, newest first, in the language of the one reading them (the request's). */
	@Transactional(readOnly = true)
	public Page<Notification> list(MemberId member, boolean unreadOnly, int page, int size) {
		Locale language = LocaleContextHolder.getLocale();
		MapSqlParameterSource params = new MapSqlParameterSource("member", member.value())
			.addValue("unreadOnly", unreadOnly)
			.addValue("limit", size)
			.addValue("offset", (long) page * size);
		String where = " where recipient_id = :member and (not :unreadOnly or read_at is null) ";
		Long total = jdbc.queryForObject("select count(*) from notification" + where, params, Long.class);
		List<Notification> items = jdbc.query(
				"select * from notification" + where + " order by id desc limit :limit offset :offset", params,
				(rs, i) -> StoredNotification.read(rs).in(messages, language));
		return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
	}

	/**
	 * Tells one member of something others did with their posts, through the channel they chose for its
	 * kind: nothing when they turned it off, the centre, or the centre and e-mail (paced into digests).
	 * Causes that share a key tell once: the first of them told wins, so a caller tries them in order of
	 * precedence, and a cause turned off leaves the next its place.
	 *
	 * @return whether the notification is new
	 */
	@Transactional
	public boolean notify(MemberId recipient, NotificationKind kind, Message title, String bodyKey, String link,
			String dedupeKey) {
		NotificationChannel channel = preferences.channel(recipient, kind);
		if (channel == NotificationChannel.OFF || !tell(recipient, kind.id(), title, bodyKey, link, dedupeKey)) {
			return false;
		}
		if (channel == NotificationChannel.EMAIL) {
			digests.mailOrHold(recipient, dedupeKey);
		}
		return true;
	}

	/**
	 * Tells many members the same news (a reply in a thread they watch) as {@link #notify} tells one, in
	 * one insert: members who turned the kind off are left out, a member the key told already is not told
	 * again, and those who chose e-mail get it as their digests allow. The caller keeps each call to a
	 * batch of modest size, each its own transaction.
	 *
	 * @return the members told now
	 */
	@Transactional
	public List<MemberId> notifyMany(Collection<MemberId> recipients, NotificationKind kind, Message title,
			String bodyKey, String link, String dedupeKey) {
		if (recipients.isEmpty()) {
			return List.of();
		}
		MapSqlParameterSource params = NotificationColumns
			.of(kind.id(), title, new Message(bodyKey, title.arguments()), link, dedupeKey, clock.instant(), messages,
					languages.fallback())
			.addValue("recipients", recipients.stream().map(MemberId::value).toList());
		List<MemberId> told = jdbc.queryForList("""
				insert into notification (recipient_id, kind, title, body, message_key, message_args, body_key, link,
				                          dedupe_key, created_at)
				select m.id, :kind, :title, :body, :messageKey, :messageArgs, :bodyKey, :link, :key, :now
				from member m
				where m.id in (:recipients) and not exists (
				    select 1 from notification_preference p where p.member_id = m.id and p.kind = :kind and p.channel = 'OFF')
				order by m.id
				on conflict (recipient_id, dedupe_key) do nothing
				returning recipient_id""", params, Long.class).stream().map(MemberId::new).toList();
		if (!told.isEmpty()) {
			jdbc.queryForList("""
					select member_id from notification_preference
					where kind = :kind and channel = 'EMAIL' and member_id in (:told) order by member_id""",
					new MapSqlParameterSource("kind", kind.id()).addValue("told",
							told.stream().map(MemberId::value).toList()),
					Long.class)
				.forEach(member -> digests.mailOrHold(new MemberId(member), dedupeKey));
		}
		return told;
	}

	/**
	 * Tells one member of news that grows ("12 people liked your reply"): the notification under the key
	 * is replaced by this one, unread and on top of the centre, instead of one more beside it.
	 */
	@Transactional
	public boolean renotify(MemberId recipient, NotificationKind kind, Message title, String bodyKey, String link,
			String dedupeKey) {
		jdbc.update("delete from notification where recipient_id = :recipient and dedupe_key = :key",
				new MapSqlParameterSource("recipient", recipient.value()).addValue("key", dedupeKey));
		return notify(recipient, kind, title, bodyKey, link, dedupeKey);
	}

	/**
	 * Tells one member something about their own account (a privilege lost or gained). The title and
	 * the body are keys read with the same arguments, so the centre words them in the reader's
	 * language; a key already used for the member adds nothing, so a redelivered event tells once.
	 *
	 * @return whether the notification is new
	 */
	@Transactional
	public boolean tell(MemberId recipient, String kind, Message title, String bodyKey, String link, String dedupeKey) {
		Locale fallback = languages.fallback();
		Message body = new Message(bodyKey, title.arguments());
		return jdbc.update("""
				insert into notification (recipient_id, kind, title, body, message_key, message_args, body_key, link,
				                          dedupe_key, created_at)
				values (:recipient, :kind, :title, :body, :titleKey, :args, :bodyKey, :link, :key, :now)
				on conflict (recipient_id, dedupe_key) do nothing""",
				new MapSqlParameterSource("recipient", recipient.value()).addValue("kind", kind)
					.addValue("title", NotificationColumns.clip(title.render(messages, fallback)))
					.addValue("body", body.render(messages, fallback))
					.addValue("titleKey", title.key())
					.addValue("args", title.arguments())
					.addValue("bodyKey", bodyKey)
					.addValue("link", link)
					.addValue("key", dedupeKey)
					.addValue("now", Timestamp.from(clock.instant()))) > 0;
	}

	/**
	 * Tells one member something in the centre, as {@link #tell} does, and by e-mail, written in the
	 * language they chose (the forum's first language if they chose none). Both are keyed, so telling
	 * again adds nothing; the e-mail is sent after the transaction commits.
	 *
	 * @return whether the notification is new
	 */
	@Transactional
	public boolean tellByMail(MemberId recipient, String kind, Message title, String bodyKey, String link,
			String dedupeKey) {
		if (!tell(recipient, kind, title, bodyKey, link, dedupeKey)) {
			return false;
		}
		Message body = new Message(bodyKey, title.arguments());
		// the link ends the mail on a line of its own, where mail programs make it clickable
		outbox.queue(recipient, language -> title.render(messages, language), language -> body.render(messages, language) + "\n\n"
				+ messages.getMessage("mail.open", null, language) + "\n" + link, dedupeKey);
		return true;
	}

	/**
	 * E-mails one member about their account (a link to confirm their address or to choose a new
	 * password), in the language they chose, with no entry in the centre: the mail may carry a secret
	 * the centre must not show. Keyed like every other mail, so sending again adds nothing; sent after the
	 * transaction commits.
	 *
	 * @param link an absolute address, the mail's last line
	 */
	@Transactional
	public void mail(MemberId recipient, Message subject, Message body, String link, String dedupeKey) {
		outbox.queue(recipient, language -> subject.render(messages, language),
				language -> body.render(messages, language) + (link == null ? "" : "\n\n" + link), dedupeKey);
	}

	@Transactional(readOnly = true)
	public long unreadCount(MemberId member) {
		Long count = jdbc.queryForObject(
				"select count(*) from notification where recipient_id = :member and read_at is null",
				new MapSqlParameterSource("member", member.value()), Long.class);
		return count == null ? 0 : count;
	}

	@Transactional
	public void markRead(MemberId member, long id) {
		int found = jdbc.update("""
				update notification set read_at = coalesce(read_at, :now) where id = :id and recipient_id = :member""",
				new MapSqlParameterSource("id", id).addValue("member", member.value())
					.addValue("now", Timestamp.from(clock.instant())));
		if (found == 0) {
			throw new NotFoundException("notification", id);
		}
	}

	@Transactional
	public int markAllRead(MemberId member) {
		return jdbc.update("update notification set read_at = :now where recipient_id = :member and read_at is null",
				new MapSqlParameterSource("member", member.value()).addValue("now", Timestamp.from(clock.instant())));
	}
}
