package com.forum.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a petition's events were owed and what they did, read from the database: the notifier's
 * publications, the notifications and e-mails they wrote, and the mail sink. Shared by the tests
 * that make deliveries race or crash and then check that every effect happened exactly once.
 */
final class PetitionFanOut {

	/** Selects publications that concern one petition: its events, and the mail queued for them. */
	private static final String OF_PETITION = """
			(serialized_event::jsonb -> 'petitionId' ->> 'value')::bigint = ?
			or serialized_event::jsonb ->> 'dedupeKey' in (select dedupe_key from notification where link = ?)""";

	private final JdbcTemplate db;

	private final long petition;

	PetitionFanOut(JdbcTemplate db, long petition) {
		this.db = db;
		this.petition = petition;
	}

	String link() {
		return "/petitions/" + petition;
	}

	/** Publications for this petition not yet completed, in any state. */
	long owed() {
		return db.queryForObject("select count(*) from event_publication where " + OF_PETITION, Long.class, petition,
				link());
	}

	/**
	 * The notification key of every event the notifier completed for this petition, one per event:
	 * the notifier keys its notifications by the event's id.
	 */
	List<String> notifiedEvents() {
		return db.queryForList("""
				select case when event_type like '%PetitionStatusChanged' then 'status:' else 'response:' end
				       || (serialized_event::jsonb ->> 'eventId')
				from event_publication_archive
				where listener_id like '%PetitionNotifier%'
				  and (serialized_event::jsonb -> 'petitionId' ->> 'value')::bigint = ?""", String.class, petition);
	}

	/** Asserts one notification and one sent e-mail per recipient and event, and nothing else. */
	void assertEveryRecipientToldOncePerEvent(Set<Long> recipients, List<String> events) {
		Set<String> expected = new HashSet<>();
		recipients.forEach(recipient -> events.forEach(event -> expected.add(recipient + " " + event)));
		List<String> notified = db.queryForList(
				"select recipient_id || ' ' || dedupe_key from notification where link = ?", String.class, link());
		List<String> mailed = db.queryForList(
				"select recipient_id || ' ' || dedupe_key from outgoing_email where body like ?", String.class,
				"%\n" + link());
		assertThat(notified).as("notifications by recipient and event").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(mailed).as("e-mails by recipient and event").doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(db.queryForObject("select count(*) from outgoing_email where body like ? and sent_at is null",
				Long.class, "%\n" + link()))
			.as("e-mails not marked sent")
			.isZero();
	}

	/**
	 * How often each of this petition's e-mails appears in the mail sink, keyed by recipient and
	 * event; e-mails never sent count zero.
	 */
	Map<String, Long> timesSent(Map<String, Long> sink) {
		return db.query("select recipient_id, dedupe_key, address, subject, body from outgoing_email where body like ?",
				(rs, i) -> Map.entry(rs.getLong("recipient_id") + " " + rs.getString("dedupe_key"),
						sink.getOrDefault(MailSinkFile.message(rs.getString("address"), rs.getString("subject"),
								rs.getString("body")), 0L)),
				"%\n" + link())
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
