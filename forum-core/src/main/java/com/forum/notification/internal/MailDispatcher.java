package com.forum.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the mail waiting in {@code outgoing_email}. A message is claimed for a minute before it is
 * sent and marked sent after, so a crash re-sends at most the message in flight, never loses one.
 */
@Component
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final Duration CLAIM = Duration.ofMinutes(1);

	private final JdbcTemplate jdbc;

	private final MailSink sink;

	private final Clock clock;

	MailDispatcher(JdbcTemplate jdbc, MailSink sink, Clock clock) {
		this.jdbc = jdbc;
		this.sink = sink;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${forum.mail.send-interval:2s}")
	void sendDue() {
		try {
			for (Claimed mail : claim()) {
				send(mail);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not send mail: {}", ex.getMessage());
		}
	}

	private List<Claimed> claim() {
		return jdbc.query("""
				update outgoing_email set next_attempt_at = ?, attempts = attempts + 1
				where id in (select id from outgoing_email where sent_at is null and next_attempt_at <= ?
				             order by id limit 100 for update skip locked)
				returning id, address, subject, body, attempts""",
				(rs, i) -> new Claimed(rs.getLong("id"), rs.getString("address"), rs.getString("subject"),
						rs.getString("body"), rs.getInt("attempts")),
				Timestamp.from(clock.instant().plus(CLAIM)), Timestamp.from(clock.instant()));
	}

	private void send(Claimed mail) {
		try {
			sink.send(mail.address(), mail.subject(), mail.body());
			jdbc.update("update outgoing_email set sent_at = ?, last_error = null where id = ?",
					Timestamp.from(clock.instant()), mail.id());
		}
		catch (Exception ex) {
			long backoffSeconds = Math.min(3600, 30L << Math.min(mail.attempts(), 7));
			jdbc.update("update outgoing_email set next_attempt_at = ?, last_error = ? where id = ?",
					Timestamp.from(clock.instant().plusSeconds(backoffSeconds)), ex.toString(), mail.id());
		}
	}

	private record Claimed(long id, String address, String subject, String body, int attempts) {
	}
}
