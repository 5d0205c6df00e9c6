package com.forum.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.forum.member.MemberId;
import com.forum.shared.ClusterJobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails the notifications members chose e-mail for, at most one mail per member within
 * {@link NotificationProperties#digestWindow()}: the first goes at once, what follows within the window
 * waits and goes out as one digest when the window is over. The member's window row is locked while
 * deciding, so two notifications told at once on two nodes cannot both go out as single mails, and a
 * digest is written by one node only.
 */
@Component
class MailDigests implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(MailDigests.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final MailOutbox outbox;

	private final MessageSource messages;

	private final NotificationProperties properties;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final ClusterJobs jobs;

	MailDigests(NamedParameterJdbcTemplate jdbc, MailOutbox outbox, MessageSource messages,
			NotificationProperties properties, Clock clock, TransactionTemplate tx,
			ClusterJobs jobs) {
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.tx = tx;
	}

	/** Within the transaction that told the member: mails the notification now, or holds it for the digest. */
	void mailOrHold(MemberId recipient, String dedupeKey) {
		Instant now = clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource("recipient", recipient.value())
			.addValue("key", dedupeKey)
			.addValue("now", Timestamp.from(now));
		Instant last = lastMail(params);
		List<StoredNotification> told = jdbc.query(
				"select * from notification where recipient_id = :recipient and dedupe_key = :key", params,
				(rs, i) -> StoredNotification.read(rs));
		if (properties.mailsNow(last, now)) {
			send(recipient, told, now);
		}
		else {
			jdbc.update("""
					insert into notification_mail_pending (notification_id, recipient_id, created_at)
					select id, recipient_id, :now from notification where recipient_id = :recipient and dedupe_key = :key
					on conflict do nothing""", params);
		}
	}

	/** Sends the digests whose window is over at {@code now}; returns how many went out. */
	int flush(Instant now) {
		List<Long> due = jdbc.queryForList("""
				select distinct p.recipient_id from notification_mail_pending p
				join notification_mail_window w on w.recipient_id = p.recipient_id
				where w.last_mail_at is null or w.last_mail_at <= :due""",
				new MapSqlParameterSource("due", Timestamp.from(now.minus(properties.digestWindow()))), Long.class);
		int sent = 0;
		for (long recipient : due) {
			if (Boolean.TRUE.equals(tx.execute(status -> flush(new MemberId(recipient), now)))) {
				sent++;
			}
		}
		return sent;
	}

	private boolean flush(MemberId recipient, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource("recipient", recipient.value());
		// checked again under the lock: another node may have sent this digest a moment ago
		if (!properties.mailsNow(lastMail(params), now)) {
			return false;
		}
		List<StoredNotification> waiting = jdbc.query("""
				with taken as (
				    delete from notification_mail_pending where recipient_id = :recipient returning notification_id)
				select n.* from notification n join taken on taken.notification_id = n.id order by n.id""", params, (rs, i) -> StoredNotification.read(rs));
		if (waiting.isEmpty()) {
			return false;
		}
		send(recipient, waiting, now);
		return true;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(jobs.every("mail-digests", properties.digestCheckInterval(), () -> {
			try {
				flush(clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("Could not send the waiting notification digests: {}", ex.toString());
			}
		}), properties.digestCheckInterval());
	}

	/** The member's last notification mail, their window row locked until the transaction ends. */
	private Instant lastMail(MapSqlParameterSource params) {
		jdbc.update("insert into notification_mail_window (recipient_id) values (:recipient) on conflict do nothing",
				params);
		Timestamp last = jdbc.queryForObject(
				"select last_mail_at from notification_mail_window where recipient_id = :recipient for update", params,
				Timestamp.class);
		return last == null ? null : last.toInstant();
	}

	/** One notification as a mail of its own; several as one digest listing each with its link. */
	private void send(MemberId recipient, List<StoredNotification> told, Instant now) {
		if (told.isEmpty()) {
			return;
		}
		StoredNotification first = told.getFirst();
		if (told.size() == 1) {
			outbox.queue(recipient, language -> first.title(messages, language),
					language -> paragraphs(first.body(messages, language),
							messages.getMessage("mail.open", null, language) + "\n" + first.link(), footer(language)),
					"notify:" + first.id());
		}
		else {
			String count = String.valueOf(told.size());
			outbox.queue(recipient, language -> messages.getMessage("mail.digest.subject", new Object[] { count }, language),
					language -> paragraphs(messages.getMessage("mail.digest.intro", new Object[] { count }, language),
							told.stream().map(n -> "- " + n.title(messages, language) + "\n  " + n.link())
								.collect(Collectors.joining("\n")),
							footer(language)),
					"digest:" + first.id() + "-" + told.getLast().id());
		}
		jdbc.update("update notification_mail_window set last_mail_at = :now where recipient_id = :recipient",
				new MapSqlParameterSource("recipient", recipient.value()).addValue("now", Timestamp.from(now)));
	}

	private String footer(Locale language) {
		return messages.getMessage("mail.preferences", null, language);
	}

	private static String paragraphs(String... parts) {
		return Arrays.stream(parts).filter(p -> !p.isBlank()).collect(Collectors.joining("\n\n"));
	}
}
