package com.forum.shared.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.forum.shared.ListenerLane;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith records every publication and marks it failed when its listener throws, but it
 * retries nothing by itself. This job, run on every node, does it in three steps, each safe to run
 * on several nodes at once:
 * <ol>
 * <li>publications stuck in delivery longer than {@code stuck-after} (their node died, or the
 * database was away when they finished) are marked failed. Modulith's own staleness monitor is not
 * used: it measures from the original publication date, so a publication resubmitted long after it
 * was first published would be declared stale again at once and delivered twice in parallel. Nor is
 * a publication taken for stuck while it may merely wait in this node's queues behind a backlog: the
 * limit is counted back from the hand-over of the oldest delivery still queued or running here, if
 * that is earlier than now;</li>
 * <li>failed publications that reached the retry bound are moved out of the registry into
 * {@code event_publication_abandoned}, where admins see and resubmit them, so they neither retry
 * forever nor hold up the ones behind them;</li>
 * <li>failed publications whose back-off has passed are resubmitted through Modulith. Resubmission
 * claims a publication with an update conditional on its still being failed (see
 * {@link EventDeliveryConfiguration#resubmissionClaimsFailedOnly}), so only one node delivers it.</li>
 * </ol>
 * Completed publications are archived by Modulith (completion mode {@code archive}) and deleted here
 * after the retention period.
 */
@Component
class EventDeliveryRetries implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EventDeliveryRetries.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final FailedEventPublications failed;

	private final CompletedEventPublications completed;

	private final EventDeliveryProperties properties;

	private final Clock clock;

	private final ObjectProvider<ListenerLane> lanes;

	EventDeliveryRetries(NamedParameterJdbcTemplate jdbc, FailedEventPublications failed,
			CompletedEventPublications completed, EventDeliveryProperties properties, Clock clock,
			ObjectProvider<ListenerLane> lanes) {
		this.lanes = lanes;
		this.jdbc = jdbc;
		this.failed = failed;
		this.completed = completed;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::run, properties.retryInterval());
	}

	void run() {
		try {
			retryDue();
			completed.deletePublicationsOlderThan(properties.retention());
			jdbc.update("""
					delete from event_publication_failure f
					where not exists (select 1 from event_publication p where p.id = f.publication_id)""",
					new MapSqlParameterSource());
		}
		catch (RuntimeException ex) {
			// the database may be briefly away; the next run picks up where this one stopped
			log.warn("Retrying event deliveries failed: {}", ex.getMessage());
		}
	}

	void retryDue() {
		Instant now = clock.instant();
		int stuck = markStuckAsFailed(now);
		int abandoned = abandonExhausted(now);
		if (stuck > 0 || abandoned > 0) {
			log.info("Event deliveries: {} stuck marked failed, {} abandoned after {} attempts", stuck, abandoned,
					properties.maxAttempts());
		}
		failed.resubmit(ResubmissionOptions.defaults()
			.withBatchSize(properties.batchSize())
			.withMaxInFlight(properties.maxInFlight())
			.withFilter(publication -> isDue(publication, now)));
	}

	private int markStuckAsFailed(Instant now) {
		Instant before = stuckBefore(now, lanes.orderedStream().toList(), properties.stuckAfter());
		return jdbc.update("""
				update event_publication set status = 'FAILED'
				where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
				  and coalesce(last_resubmission_date, publication_date) < :before""",
				new MapSqlParameterSource("before", Timestamp.from(before)));
	}

	/**
	 * Publications older than this count as stuck: {@code stuckAfter} back from now, or from the
	 * hand-over of the oldest delivery still queued or running on this node's lanes if that is
	 * earlier, since a publication handed over after it may be waiting in a queue here.
	 */
	static Instant stuckBefore(Instant now, List<ListenerLane> lanes, Duration stuckAfter) {
		Instant oldestHere = lanes.stream()
			.flatMap(lane -> lane.oldestUnfinished().stream())
			.filter(handedOver -> handedOver.isBefore(now))
			.min(Comparator.naturalOrder())
			.orElse(now);
		return oldestHere.minus(stuckAfter);
	}

	private int abandonExhausted(Instant now) {
		return jdbc.update("""
				with exhausted as (
				    delete from event_publication
				    where status = 'FAILED' and completion_date is null and completion_attempts >= :max
				    returning *)
				insert into event_publication_abandoned (id, listener_id, event_type, serialized_event, publication_date,
				    completion_attempts, last_resubmission_date, last_error, abandoned_at)
				select e.id, e.listener_id, e.event_type, e.serialized_event, e.publication_date, e.completion_attempts,
				       e.last_resubmission_date, f.last_error, :now
				from exhausted e left join event_publication_failure f on f.publication_id = e.id""",
				new MapSqlParameterSource("max", properties.maxAttempts()).addValue("now", Timestamp.from(now)));
	}

	private boolean isDue(EventPublication publication, Instant now) {
		if (publication.getStatus() != EventPublication.Status.FAILED
				|| publication.getCompletionAttempts() >= properties.maxAttempts()) {
			return false;
		}
		Instant lastTry = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		return !lastTry.plus(properties.backoff(publication.getCompletionAttempts())).isAfter(now);
	}
}
