package com.forum.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Function;

import com.forum.member.LanguageProperties;
import com.forum.member.MemberId;
import com.forum.notification.internal.MailQueued;
import com.forum.notification.internal.NotificationColumns;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one member's mail into the outbox in the language they chose (the forum's first if none), once
 * per key, and has it sent after the transaction commits.
 */
@Component
class MailOutbox {

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final LanguageProperties languages;

	private final ApplicationEventPublisher events;

	MailOutbox(NamedParameterJdbcTemplate jdbc, Clock clock, LanguageProperties languages,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.languages = languages;
		this.events = events;
	}

	void queue(MemberId recipient, Function<Locale, String> subject, Function<Locale, String> body, String dedupeKey) {
		for (Locale language : languages.supported()) {
			jdbc.update("""
					insert into outgoing_email (recipient_id, address, subject, body, dedupe_key, created_at)
					select m.id, m.email, :subject, :mail, :key, :now from member m
					where m.id = :recipient and coalesce(m.language, :fallback) = :language
					on conflict (recipient_id, dedupe_key) do nothing""",
					new MapSqlParameterSource("recipient", recipient.value())
						.addValue("subject", NotificationColumns.clip(subject.apply(language)))
						.addValue("mail", body.apply(language))
						.addValue("key", dedupeKey)
						.addValue("now", Timestamp.from(clock.instant()))
						.addValue("language", language.toLanguageTag())
						.addValue("fallback", languages.fallback().toLanguageTag()));
		}
		events.publishEvent(new MailQueued(dedupeKey));
	}
}
