package com.forum.web;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim every node's retry job makes before it resubmits a publication. Two nodes that read the
 * same failed publication both try to claim it; the one that loses must lose even when the winner
 * has already started delivering it, or both deliver it.
 */
@IntegrationTest
class EventPublicationClaimIntegrationTest {

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void onlyAPublicationThatIsStillFailedCanBeClaimedForResubmission() {
		UUID id = UUID.randomUUID();
		// published "tomorrow", so that no retry job of the running application picks it up itself
		jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				                               completion_attempts)
				values (?, 'com.forum.Nobody.on(com.forum.notification.internal.MailQueued)',
				        'com.forum.notification.internal.MailQueued', ?, now() + interval '1 day', 'FAILED', 1)""", id,
				"{\"dedupeKey\":\"claim-test:" + id + "\"}");
		try {
			assertThat(publications.markResubmitted(id, Instant.now())).as("claim of a failed publication").isTrue();
			assertThat(publications.markResubmitted(id, Instant.now())).as("claim once resubmitted").isFalse();
			jdbc.update("update event_publication set status = 'PROCESSING' where id = ?", id); // its listener started
			assertThat(publications.markResubmitted(id, Instant.now())).as("claim while being delivered").isFalse();
			jdbc.update("update event_publication set status = 'FAILED' where id = ?", id); // and failed again
			assertThat(publications.markResubmitted(id, Instant.now())).as("claim of the next retry").isTrue();
			assertThat(jdbc.queryForObject("select completion_attempts from event_publication where id = ?",
					Integer.class, id)).isEqualTo(3);
		}
		finally {
			jdbc.update("delete from event_publication where id = ?", id);
		}
	}
}
