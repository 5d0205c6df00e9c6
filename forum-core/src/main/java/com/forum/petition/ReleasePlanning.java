package com.forum.petition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.forum.member.Actor;
import com.forum.shared.InvalidInputException;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Employees plan weekly releases, ship petitions in them, and publish notes that credit the fans.
 * A release is a draft, seen by employees only, until it is published; the petitions put into it
 * ship at that moment, so the public and the backers hear of a shipment once, when it is real.
 */
@Service
public class ReleasePlanning {

	private final Releases releases;

	private final PetitionTriage triage;

	private final PetitionListing listing;

	private final MarkdownRenderer markdown;

	private final NamedParameterJdbcTemplate jdbc;

	private final PetitionProperties properties;

	private final Clock clock;

	private final PetitionVoting voting;

	private final ApplicationEventPublisher events;

	ReleasePlanning(Releases releases, PetitionTriage triage, PetitionListing listing, MarkdownRenderer markdown,
			NamedParameterJdbcTemplate jdbc, PetitionProperties properties, Clock clock, PetitionVoting voting,
			ApplicationEventPublisher events) {
		this.voting = voting;
		this.events = events;
		this.releases = releases;
		this.triage = triage;
		this.listing = listing;
		this.markdown = markdown;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The next weekly slot strictly after now: by default Tuesday 12:00 in Asia/Shanghai. */
	public Instant nextReleaseSlot() {
		ZonedDateTime now = clock.instant().atZone(properties.releaseZone());
		LocalDate day = now.toLocalDate().with(TemporalAdjusters.nextOrSame(properties.releaseDay()));
		ZonedDateTime slot = day.atTime(properties.releaseTime()).atZone(properties.releaseZone());
		if (!slot.isAfter(now)) {
			slot = day.plusWeeks(1).atTime(properties.releaseTime()).atZone(properties.releaseZone());
		}
		return slot.toInstant();
	}

	@Transactional
	public ReleaseId create(Actor actor, String version, Instant releaseAt, String notes) {
		Petition.checkStaff(actor);
		if (version == null || !version.strip().matches("[A-Za-z0-9][A-Za-z0-9._ -]{0,39}")) {
			throw new InvalidInputException("version", "version-format",
					"must be 1 to 40 letters, digits, dots, dashes or spaces");
		}
		if (releases.existsByVersion(version.strip())) {
			throw new RuleViolationException("release-exists", "A release " + version.strip() + " exists already.",
					version.strip());
		}
		Instant now = clock.instant();
		Release release = releases.save(new Release(version.strip(), releaseAt == null ? nextReleaseSlot() : releaseAt,
				notes == null ? "" : notes.strip(), actor.id(), now));
		events.publishEvent(new ReleaseCreated(release.id(), release.version(), actor.id(), now));
		return release.id();
	}

	/**
	 * Puts a planned or in-progress petition into this release, which must still be a draft; it
	 * ships when the release is published.
	 *
	 * @param response the official words to publish with the shipment; by default "Shipped in ..."
	 */
	@Transactional
	public void ship(Actor actor, ReleaseId release, PetitionId petition, String response) {
		Petition.checkStaff(actor);
		load(release); // the release being planned must exist; a missing one is not a field error here
		triage.changeStatus(actor, petition, new StatusChange(PetitionStatus.SHIPPED, response, release, null));
	}

	/** Publishes the release and ships every petition scheduled in it, each with its history line. */
	@Transactional
	public void publish(Actor actor, ReleaseId id) {
		Petition.checkStaff(actor);
		Release release = releases.findForPublication(id.value())
			.orElseThrow(() -> new NotFoundException("release", id));
		Instant now = clock.instant();
		release.publish(actor, now);
		triage.shipScheduledIn(actor, release.id(), now);
		releases.save(release);
	}

	/**
	 * Releases, newest first: employees see the drafts too, anyone else only published releases.
	 *
	 * @param viewer who is looking; null for a visitor who is not signed in
	 */
	@Transactional(readOnly = true)
	public Page<ReleaseSummary> list(Actor viewer, int page, int size) {
		Pageable request = PageRequest.of(page, size);
		Page<Release> found = Release.draftsVisibleTo(viewer) ? releases.findNewestFirst(request)
				: releases.findPublishedNewestFirst(request);
		return found.map(this::summaryOf);
	}

	/** Drafts that still take petitions, soonest first, for employees choosing where to ship. */
	@Transactional(readOnly = true)
	public List<ReleaseSummary> drafts(Actor actor, int limit) {
		Petition.checkStaff(actor);
		return releases.findDraftsSoonestFirst(PageRequest.of(0, limit)).stream().map(this::summaryOf).toList();
	}

	/** One release without its credits: cheap, for links and notifications. */
	@Transactional(readOnly = true)
	public ReleaseSummary summary(ReleaseId id) {
		return summaryOf(load(id));
	}

	/**
	 * The release note; a draft is as good as missing to anyone but employees. The notes are
	 * Markdown, rendered when read.
	 *
	 * @param viewer who is looking; null for a visitor who is not signed in
	 */
	@Transactional(readOnly = true)
	public ReleaseNote note(Actor viewer, ReleaseId id) {
		Release release = load(id);
		if (!release.isVisibleTo(viewer)) {
			throw new NotFoundException("release", id);
		}
		List<ReleaseNote.Credit> credits = listing.list(PetitionFilter.any().withRelease(id), PetitionOrder.TOP, 0, 500)
			.map(PetitionListing.Row::summary)
			.map(summary -> new ReleaseNote.Credit(summary, earliestBackers(summary)))
			.getContent();
		return new ReleaseNote(release.id(), release.version(), release.releaseAt(), release.notes(),
				markdown.toSafeHtml(release.notes()), release.publishedAt(), credits);
	}

	private ReleaseSummary summaryOf(Release release) {
		return new ReleaseSummary(release.id(), release.version(), release.releaseAt(), release.publishedAt(),
				shippedCount(release.id()));
	}

	private List<String> earliestBackers(PetitionSummary petition) {
		return voting.creditedBackers(petition.id(), petition.authorId()).stream()
			.map(PetitionVoting.CreditedBacker::username)
			.toList();
	}

	private long shippedCount(ReleaseId id) {
		Long count = jdbc.queryForObject("select count(*) from petition where release_id = :release",
				new MapSqlParameterSource("release", id.value()), Long.class);
		return count == null ? 0 : count;
	}

	private Release load(ReleaseId id) {
		return releases.findById(id.value()).orElseThrow(() -> new NotFoundException("release", id));
	}
}
