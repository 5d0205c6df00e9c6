package com.forum.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Sends the e-mails written for one batch of notifications. Each is marked sent as soon as it is,
 * outside any long transaction (a mail server is a remote call), so a retry after a failure or a
 * crash sends only what is still unsent: at most the one message in flight can go out twice.
 */
@Component
class MailSender {

	private static final Logger log = LoggerFactory.getLogger(MailSender.class);

	private final JdbcTemplate jdbc;

	private final MailSink sink;

	private final Clock clock;

	MailSender(JdbcTemplate jdbc, MailSink sink, Clock clock) {
		this.jdbc = jdbc;
		this.sink = sink;
		this.clock = clock;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MailQueued queued) throws Exception {
		List<Unsent> unsent = jdbc.query(
				"select id, address, subject, body from outgoing_email where dedupe_key = ? and sent_at is null order by id",
				(rs, i) -> new Unsent(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
						rs.getString("body")),
				queued.dedupeKey());
		Exception firstFailure = null;
		int failures = 0;
		for (Unsent mail : unsent) {
			try {
				sink.send(mail.address(), mail.subject(), mail.body());
				jdbc.update("update outgoing_email set sent_at = ? where id = ? and sent_at is null",
						Timestamp.from(clock.instant()), mail.id());
			}
			catch (Exception ex) {
				failures++;
				firstFailure = firstFailure == null ? ex : firstFailure;
			}
		}
		if (firstFailure != null) {
			// the publication fails and is retried; what went out already is not sent again
			log.info("{} of {} e-mails for {} could not be sent", failures, unsent.size(), queued.dedupeKey());
			throw firstFailure;
		}
	}

	private record Unsent(long id, String address, String subject, String body) {
	}
}
