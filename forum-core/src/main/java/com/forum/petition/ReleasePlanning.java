package com.forum.petition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.forum.member.Actor;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Employees plan weekly releases, ship petitions in them, and publish notes that credit the fans. */
@Service
public class ReleasePlanning {

	private final Releases releases;

	private final PetitionTriage triage;

	private final PetitionListing listing;

	private final NamedParameterJdbcTemplate jdbc;

	private final PetitionProperties properties;

	private final Clock clock;

	ReleasePlanning(Releases releases, PetitionTriage triage, PetitionListing listing,
			NamedParameterJdbcTemplate jdbc, PetitionProperties properties, Clock clock) {
		this.releases = releases;
		this.triage = triage;
		this.listing = listing;
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
			throw new InvalidInputException("version", "must be 1 to 40 letters, digits, dots, dashes or spaces");
		}
		if (releases.existsByVersion(version.strip())) {
			throw new RuleViolationException("release-exists", "A release " + version.strip() + " exists already.");
		}
		Release release = releases.save(new Release(version.strip(), releaseAt == null ? nextReleaseSlot() : releaseAt,
				notes == null ? "" : notes.strip(), actor.id(), clock.instant()));
		return release.id();
	}

	/** Ships the petition in this release (it must be planned or in progress). */
	@Transactional
	public void ship(Actor actor, ReleaseId release, PetitionId petition, String response) {
		Petition.checkStaff(actor);
		triage.changeStatus(actor, petition, new StatusChange(PetitionStatus.SHIPPED,
				response == null || response.isBlank() ? "Shipped in " + load(release).version() + "." : response,
				release, null));
	}

	@Transactional
	public void publish(Actor actor, ReleaseId id) {
		Petition.checkStaff(actor);
		Release release = load(id);
		release.publish(actor, clock.instant());
		releases.save(release);
	}

	@Transactional(readOnly = true)
	public Page<ReleaseSummary> list(int page, int size) {
		return releases.findNewestFirst(PageRequest.of(page, size)).map(ReleasePlanning.this::summaryOf);
	}

	/** One release without its credits: cheap, for links and notifications. */
	@Transactional(readOnly = true)
	public ReleaseSummary summary(ReleaseId id) {
		return summaryOf(load(id));
	}

	@Transactional(readOnly = true)
	public ReleaseNote note(ReleaseId id) {
		Release release = load(id);
		List<ReleaseNote.Credit> credits = listing.list(PetitionFilter.any().withRelease(id), PetitionOrder.TOP, 0, 500)
			.map(PetitionListing.Row::summary)
			.map(summary -> new ReleaseNote.Credit(summary, earliestBackers(summary)))
			.getContent();
		return new ReleaseNote(release.id(), release.version(), release.releaseAt(), release.notes(),
				release.publishedAt(), credits);
	}

	private ReleaseSummary summaryOf(Release release) {
		return new ReleaseSummary(release.id(), release.version(), release.releaseAt(), release.publishedAt(),
				shippedCount(release.id()));
	}

	private List<String> earliestBackers(PetitionSummary petition) {
		return jdbc.queryForList("""
				select m.username from petition_vote v join member m on m.id = v.member_id
				where v.petition_id = :petition and v.member_id <> :author
				order by v.created_at, v.member_id limit :limit""",
				new MapSqlParameterSource("petition", petition.id().value())
					.addValue("author", petition.authorId().value())
					.addValue("limit", properties.creditedBackers()),
				String.class);
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
