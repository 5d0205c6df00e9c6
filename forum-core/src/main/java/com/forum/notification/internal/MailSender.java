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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mails written for one batch of notifications. Each is sent in a short transaction of
 * its own that locks its row, sends it and marks it sent, rather than in one long transaction for
 * the batch (a mail server is a remote call). A retry after a failure or a crash therefore sends
 * only what is still unsent: at most a message whose sending was cut off before it was marked can
 * go out twice. The lock matters because the same key can be delivered twice at once: a notifier
 * event redelivered after a crash queues its mail again, and a delivery taken for stuck is retried
 * while it still runs. The second delivery waits for each message the first is sending and then
 * finds it sent.
 * <p>
 * Named apart from Boot's {@code mailSender}, the SMTP client it configures once {@code spring.mail.host}
 * is set (as in the prod profile): two beans of one name stop the application from starting.
 */
@Component("forumMailSender")
class MailSender {

	private static final Logger log = LoggerFactory.getLogger(MailSender.class);

	private final JdbcTemplate jdbc;

	private final MailSink sink;

	private final TransactionTemplate tx;

	private final Clock clock;

	MailSender(JdbcTemplate jdbc, MailSink sink, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.sink = sink;
		this.tx = tx;
		this.clock = clock;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(MailQueued queued) throws Exception {
		List<Long> unsent = jdbc.queryForList(
				"select id from outgoing_email where dedupe_key = ? and sent_at is null order by id", Long.class,
				queued.dedupeKey());
		Exception firstFailure = null;
		int failures = 0;
		for (long id : unsent) {
			Exception failure = null;
			try {
				tx.executeWithoutResult(status -> sendIfUnsent(id));
			}
			catch (SendFailed ex) {
				failure = ex.reason;
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			if (failure != null) {
				failures++;
				firstFailure = firstFailure == null ? failure : firstFailure;
			}
		}
		if (firstFailure != null) {
			// the publication fails and is retried; what went out already is not sent again
			log.info("{} of {} e-mails for {} could not be sent", failures, unsent.size(), queued.dedupeKey());
			throw firstFailure;
		}
	}

	/** Within a transaction: the row lock is held until the message is marked sent or the send failed. */
	private void sendIfUnsent(long id) {
		List<Unsent> mail = jdbc.query(
				"select address, subject, body from outgoing_email where id = ? and sent_at is null for update",
				(rs, i) -> new Unsent(rs.getString("address"), rs.getString("subject"), rs.getString("body")), id);
		if (mail.isEmpty()) {
			return; // another delivery sent it meanwhile
		}
		try {
			sink.send(mail.getFirst().address(), mail.getFirst().subject(), mail.getFirst().body());
		}
		catch (Exception ex) {
			throw new SendFailed(ex);
		}
		jdbc.update("update outgoing_email set sent_at = ? where id = ?", Timestamp.from(clock.instant()), id);
	}

	private record Unsent(String address, String subject, String body) {
	}

	/** Carries a sink's checked exception out of the transaction callback, rolling it back. */
	private static final class SendFailed extends RuntimeException {

		private final Exception reason;

		SendFailed(Exception reason) {
			super(reason);
			this.reason = reason;
		}
	}
}
