package com.forum.petition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.forum.board.BoardId;
import com.forum.member.Actor;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What employees do with petitions: decide, respond, assign, note, and watch the service level. */
@Service
public class PetitionTriage {

	private static final List<PetitionStatus> FUNNEL = List.of(PetitionStatus.SUBMITTED, PetitionStatus.UNDER_REVIEW,
			PetitionStatus.PLANNED, PetitionStatus.IN_PROGRESS, PetitionStatus.SHIPPED);

	private final Petitions petitions;

	private final HistoryEntries history;

	private final PetitionVoting voting;

	private final PetitionStatusLock statusLock;

	private final PetitionListing listing;

	private final Releases releases;

	private final MemberDirectory members;

	private final NamedParameterJdbcTemplate jdbc;

	private final PetitionProperties properties;

	private final Clock clock;

	PetitionTriage(Petitions petitions, HistoryEntries history, PetitionVoting voting, PetitionStatusLock statusLock,
			PetitionListing listing, Releases releases, MemberDirectory members, NamedParameterJdbcTemplate jdbc,
			PetitionProperties properties, Clock clock) {
		this.petitions = petitions;
		this.history = history;
		this.voting = voting;
		this.statusLock = statusLock;
		this.listing = listing;
		this.releases = releases;
		this.members = members;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Moves the petition. Shipping names a release that is not published yet and takes effect when
	 * it is: until then the petition keeps its public status.
	 */
	@Transactional
	public void changeStatus(Actor actor, PetitionId id, StatusChange change) {
		apply(actor, id, change);
	}

	/**
	 * The same decision for several petitions, all or nothing: if one of them cannot take it, none
	 * changes and the error names the petition.
	 */
	@Transactional
	public int bulkChangeStatus(Actor actor, List<PetitionId> ids, StatusChange change) {
		Petition.checkStaff(actor);
		if (ids.isEmpty() || ids.size() > 200) {
			throw new InvalidInputException("petitionIds", "petition-count", "name 1 to 200 petitions", 1, 200);
		}
		// in id order, so that two bulk changes over the same petitions wait for each other, not deadlock
		for (PetitionId id : ids.stream().distinct().sorted(Comparator.comparingLong(PetitionId::value)).toList()) {
			try {
				apply(actor, id, change);
			}
			catch (RuleViolationException ex) {
				throw ex.concerning("problem.rule.in-petition", id);
			}
		}
		return Set.copyOf(ids).size();
	}

	/** Ships the petitions scheduled in a release, as part of publishing it. */
	void shipScheduledIn(Actor actor, ReleaseId release, Instant now) {
		for (Petition petition : petitions.findScheduledIn(release.value())) {
			history.save(petition.ship(actor, release, now));
			petitions.save(petition);
		}
	}

	@Transactional
	public void respond(Actor actor, PetitionId id, String response) {
		Petition petition = load(id);
		history.save(petition.respond(actor, response, clock.instant()));
		petitions.save(petition);
	}

	@Transactional
	public void assign(Actor actor, PetitionId id, String team, MemberId assignee) {
		Petition petition = load(id);
		if (team != null && team.strip().length() > 60) {
			throw new InvalidInputException("team", "too-long", "must be at most 60 characters", 60);
		}
		if (assignee != null) {
			Actor person = members.actor(assignee);
			if (!person.isStaff()) {
				throw new InvalidInputException("assigneeId", "assignee-not-staff",
						"petitions are assigned to employees");
			}
		}
		petition.assign(actor, team, assignee);
		petitions.save(petition);
	}

	@Transactional
	public long addNote(Actor actor, PetitionId id, String body) {
		Petition.checkStaff(actor);
		load(id);
		if (body == null || body.isBlank() || body.length() > 10_000) {
			throw new InvalidInputException("body", "length", "must be 1 to 10,000 characters", 1, 10_000);
		}
		MapSqlParameterSource params = new MapSqlParameterSource("petition", id.value())
			.addValue("author", actor.id().value())
			.addValue("body", body.strip())
			.addValue("at", Timestamp.from(clock.instant()));
		return jdbc.queryForObject("""
				insert into petition_note (petition_id, author_id, body, created_at)
				values (:petition, :author, :body, :at) returning id""", params, Long.class);
	}

	@Transactional(readOnly = true)
	public List<PetitionNote> notes(Actor actor, PetitionId id) {
		Petition.checkStaff(actor);
		load(id);
		List<PetitionNote> notes = jdbc.query(
				"select id, author_id, body, created_at from petition_note where petition_id = :petition order by id",
				new MapSqlParameterSource("petition", id.value()),
				(rs, i) -> new PetitionNote(rs.getLong("id"), new MemberId(rs.getLong("author_id")), null,
						rs.getString("body"), rs.getTimestamp("created_at").toInstant()));
		Map<MemberId, String> names = members.usernames(notes.stream().map(PetitionNote::authorId).toList());
		return notes.stream()
			.map(n -> new PetitionNote(n.id(), n.authorId(), names.get(n.authorId()), n.body(), n.createdAt()))
			.toList();
	}

	@Transactional(readOnly = true)
	public Page<TriageItem> queue(Actor actor, PetitionFilter filter, PetitionOrder order, int page, int size) {
		Petition.checkStaff(actor);
		return listing.list(filter, order, page, size).map(this::item);
	}

	/** Petitions whose stored vote counts differ from the vote facts; empty when all is well. */
	@Transactional
	public List<PetitionVoting.VoteCountMismatch> voteAudit(Actor actor) {
		Petition.checkStaff(actor);
		return voting.audit();
	}

	/** One petition as the triage queue shows it: with its assignment and response deadline. */
	@Transactional(readOnly = true)
	public TriageItem item(Actor actor, PetitionId id) {
		Petition.checkStaff(actor);
		return listing.find(id).map(this::item).orElseThrow(() -> new NotFoundException("petition", id));
	}

	private TriageItem item(PetitionListing.Row row) {
		Instant deadlineBefore = clock.instant().minus(properties.firstResponseDeadline());
		return new TriageItem(row.summary(), row.assigneeTeam(), row.assigneeId(), row.assigneeName(),
				row.createdAt().plus(properties.firstResponseDeadline()), row.firstResponseAt() == null
						&& row.createdAt().isBefore(deadlineBefore) && row.status() != PetitionStatus.DUPLICATE,
				row.scheduledIn());
	}

	/** The service-level figures, for every petition or one board's. */
	@Transactional(readOnly = true)
	public TriageDashboard dashboard(Actor actor, BoardId board) {
		Petition.checkStaff(actor);
		Instant now = clock.instant();
		Duration deadline = properties.firstResponseDeadline();
		MapSqlParameterSource params = new MapSqlParameterSource("board", board == null ? null : board.value())
			.addValue("deadlineBefore", Timestamp.from(now.minus(deadline)))
			.addValue("deadlineSeconds", deadline.toSeconds());
		String scope = " (cast(:board as bigint) is null or p.board_id = :board) ";
		Map<String, Object> sla = jdbc.queryForMap("""
				select count(*) as petitions,
				       count(*) filter (where p.first_response_at is not null or p.created_at < :deadlineBefore) as due,
				       count(*) filter (where p.first_response_at is not null
				                        and extract(epoch from p.first_response_at - p.created_at) <= :deadlineSeconds)
				                  as answered_in_time,
				       count(*) filter (where""" + PetitionListing.OVERDUE + """
				) as overdue,
				       percentile_cont(0.5) within group (order by extract(epoch from p.first_response_at - p.created_at))
				                  filter (where p.first_response_at is not null) as median_seconds
				from petition p where""" + scope, params);
		long due = ((Number) sla.get("due")).longValue();
		long inTime = ((Number) sla.get("answered_in_time")).longValue();
		Number median = (Number) sla.get("median_seconds");

		Map<PetitionStatus, Long> funnel = new LinkedHashMap<>();
		// every petition was submitted, whatever became of it since
		funnel.put(PetitionStatus.SUBMITTED, ((Number) sla.get("petitions")).longValue());
		for (int i = 1; i < FUNNEL.size(); i++) {
			List<String> reached = FUNNEL.subList(i, FUNNEL.size()).stream().map(Enum::name).toList();
			funnel.put(FUNNEL.get(i), reached(params, scope, reached));
		}
		long accepted = reached(params, scope, List.of("PLANNED", "IN_PROGRESS", "SHIPPED"));
		Long declined = jdbc.queryForObject(
				"select count(*) from petition p where p.status = 'DECLINED' and" + scope, params, Long.class);
		long decided = accepted + (declined == null ? 0 : declined);

		PetitionFilter open = PetitionFilter.any().withBoard(board).withStatuses(PetitionStatus.OPEN);
		return new TriageDashboard(((Number) sla.get("petitions")).longValue(), due, inTime,
				due == 0 ? 1.0 : (double) inTime / due,
				median == null ? null : Duration.ofMillis(Math.round(median.doubleValue() * 1000)),
				((Number) sla.get("overdue")).longValue(), funnel, decided == 0 ? 0.0 : (double) accepted / decided,
				listing.list(open, PetitionOrder.TOP, 0, 10).map(PetitionListing.Row::summary).getContent(),
				listing.list(open, PetitionOrder.TRENDING, 0, 10).map(PetitionListing.Row::summary).getContent());
	}

	/** Petitions that are at, or ever passed through, one of the given statuses. */
	private long reached(MapSqlParameterSource params, String scope, List<String> statuses) {
		Long count = jdbc.queryForObject("""
				select count(*) from petition p
				where (p.status in (:reached) or exists (select 1 from petition_history h
				       where h.petition_id = p.id and h.to_status in (:reached))) and""" + scope,
				new MapSqlParameterSource(params.getValues()).addValue("reached", statuses), Long.class);
		return count == null ? 0 : count;
	}

	private void apply(Actor actor, PetitionId id, StatusChange change) {
		// votes in flight commit first; the ones after this see the new status
		statusLock.holdForStatusChange(id);
		Petition petition = load(id);
		if (change.status() == null) {
			throw new InvalidInputException("status", "status-required", "must name the new status");
		}
		if (change.response() != null && change.response().length() > 10_000) {
			throw new InvalidInputException("response", "too-long", "must be at most 10,000 characters",
					10_000);
		}
		if (change.status() == PetitionStatus.SHIPPED) {
			// read with a share lock, so that the release cannot be published while this commits
			Release release = change.release() == null ? null
					: releases.findForScheduling(change.release().value())
						.orElseThrow(() -> new InvalidInputException("releaseId", "unknown-release",
							"no release " + change.release(), String.valueOf(change.release())));
			petition.scheduleShipping(actor, release, change.response());
			petitions.save(petition);
			return;
		}
		Petition original = null;
		if (change.status() == PetitionStatus.DUPLICATE && change.duplicateOf() != null) {
			// held, so that the original is not itself merged away while the votes move onto it
			statusLock.holdStatus(change.duplicateOf());
			original = petitions.findById(change.duplicateOf().value())
				.orElseThrow(() -> new InvalidInputException("duplicateOfId", "unknown-petition",
					"no petition " + change.duplicateOf(), String.valueOf(change.duplicateOf())));
		}
		history.save(petition.changeStatus(actor, change.status(), change.response(), original, clock.instant()));
		petitions.save(petition);
		if (original != null) {
			voting.moveVoters(petition.id(), original.id());
		}
	}

	private Petition load(PetitionId id) {
		return petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
	}

}
