package com.forum.petition;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.forum.board.BoardId;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Lists petitions by filter and order, for the public lists and the triage queue alike. */
@Component
class PetitionListing {

	private final NamedParameterJdbcTemplate jdbc;

	private final MemberDirectory members;

	private final PetitionProperties properties;

	private final Clock clock;

	PetitionListing(NamedParameterJdbcTemplate jdbc, MemberDirectory members, PetitionProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.properties = properties;
		this.clock = clock;
	}

	Page<Row> list(PetitionFilter filter, PetitionOrder order, int page, int size) {
		return list(filter, null, order, page, size);
	}

	/** One petition as the lists show it. */
	java.util.Optional<Row> find(PetitionId id) {
		return list(PetitionFilter.any(), id, PetitionOrder.OLDEST, 0, 1).stream().findFirst();
	}

	private Page<Row> list(PetitionFilter filter, PetitionId only, PetitionOrder order, int page, int size) {
		Instant now = clock.instant();
		MapSqlParameterSource params = new MapSqlParameterSource()
			.addValue("trendingSince", Timestamp.from(now.minus(properties.trendingWindow())))
			.addValue("deadlineBefore", Timestamp.from(now.minus(properties.firstResponseDeadline())));
		String where = where(filter, params, now);
		if (only != null) {
			where += " and p.id = :only";
			params.addValue("only", only.value());
		}
		Long total = jdbc.queryForObject("select count(*) from petition p where " + where, params, Long.class);
		params.addValue("limit", size).addValue("offset", (long) page * size);
		List<Row> rows = jdbc.query("""
				select p.*, coalesce(r.recent, 0) as recent_votes,
				       array(select t.tag from petition_tag t where t.petition_id = p.id order by t.tag) as tag_list
				from petition p
				left join (select petition_id, count(*) as recent from petition_vote
				           where created_at >= :trendingSince group by petition_id) r on r.petition_id = p.id
				""" + " where " + where + " order by " + orderBy(order) + " limit :limit offset :offset", params,
				(rs, i) -> row(rs));
		return new PageImpl<>(withNames(rows), PageRequest.of(page, size), total == null ? 0 : total);
	}

	private List<Row> withNames(List<Row> rows) {
		Set<MemberId> ids = rows.stream().flatMap(r -> r.assigneeId() == null ? java.util.stream.Stream.of(r.authorId())
				: java.util.stream.Stream.of(r.authorId(), r.assigneeId())).collect(Collectors.toSet());
		Map<MemberId, String> names = members.usernames(ids);
		return rows.stream().map(r -> r.named(names)).toList();
	}

	private static String where(PetitionFilter filter, MapSqlParameterSource params, Instant now) {
		List<String> conditions = new ArrayList<>(List.of("true"));
		if (filter.board() != null) {
			conditions.add("p.board_id = :board");
			params.addValue("board", filter.board().value());
		}
		if (filter.statuses() != null && !filter.statuses().isEmpty()) {
			conditions.add("p.status in (:statuses)");
			params.addValue("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			conditions.add("exists (select 1 from petition_tag t where t.petition_id = p.id and t.tag = :tag)");
			params.addValue("tag", filter.tag().strip().toLowerCase(java.util.Locale.ROOT));
		}
		if (filter.olderThan() != null) {
			conditions.add("p.created_at <= :createdBefore");
			params.addValue("createdBefore", Timestamp.from(now.minus(filter.olderThan())));
		}
		if (filter.minVotes() != null) {
			conditions.add("p.vote_count >= :minVotes");
			params.addValue("minVotes", filter.minVotes());
		}
		if (filter.assigneeTeam() != null && !filter.assigneeTeam().isBlank()) {
			conditions.add("p.assignee_team = :team");
			params.addValue("team", filter.assigneeTeam().strip());
		}
		if (filter.assignee() != null) {
			conditions.add("p.assignee_id = :assignee");
			params.addValue("assignee", filter.assignee().value());
		}
		if (filter.release() != null) {
			conditions.add("p.release_id = :release");
			params.addValue("release", filter.release().value());
		}
		if (filter.overdueOnly()) {
			conditions.add(OVERDUE);
		}
		return String.join(" and ", conditions);
	}

	/** No official response yet, and the deadline has passed; closed petitions owe no answer. */
	static final String OVERDUE = "(p.first_response_at is null and p.created_at < :deadlineBefore "
			+ "and p.status not in ('DUPLICATE'))";

	private static String orderBy(PetitionOrder order) {
		return switch (order) {
			case TOP -> "p.vote_count desc, p.id desc";
			case TRENDING -> "recent_votes desc, p.vote_count desc, p.id desc";
			case NEWEST -> "p.created_at desc, p.id desc";
			case OLDEST -> "p.created_at asc, p.id asc";
		};
	}

	private static Row row(ResultSet rs) throws SQLException {
		Array tags = rs.getArray("tag_list");
		long assignee = rs.getLong("assignee_id");
		boolean noAssignee = rs.wasNull();
		Timestamp firstResponse = rs.getTimestamp("first_response_at");
		long release = rs.getLong("release_id");
		boolean noRelease = rs.wasNull();
		return new Row(new PetitionId(rs.getLong("id")), new BoardId(rs.getLong("board_id")), rs.getString("title"),
				new MemberId(rs.getLong("author_id")), null, PetitionStatus.valueOf(rs.getString("status")),
				rs.getInt("vote_count"), rs.getLong("recent_votes"),
				tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("status_changed_at").toInstant(),
				firstResponse == null ? null : firstResponse.toInstant(), rs.getString("assignee_team"),
				noAssignee ? null : new MemberId(assignee), null, noRelease ? null : new ReleaseId(release));
	}

	record Row(PetitionId id, BoardId boardId, String title, MemberId authorId, String authorName,
			PetitionStatus status, int votes, long recentVotes, List<String> tags, Instant createdAt,
			Instant statusChangedAt, Instant firstResponseAt, String assigneeTeam, MemberId assigneeId,
			String assigneeName, ReleaseId releaseId) {

		Row named(Map<MemberId, String> names) {
			return new Row(id, boardId, title, authorId, names.get(authorId), status, votes, recentVotes, tags,
					createdAt, statusChangedAt, firstResponseAt, assigneeTeam, assigneeId,
					assigneeId == null ? null : names.get(assigneeId), releaseId);
		}

		/** As {@link Petition#scheduledIn()}: the release it ships in, until it has shipped. */
		ReleaseId scheduledIn() {
			return status == PetitionStatus.SHIPPED ? null : releaseId;
		}

		PetitionSummary summary() {
			return new PetitionSummary(id, boardId, title, authorId, authorName, status, votes, recentVotes, tags,
					createdAt, statusChangedAt, firstResponseAt);
		}
	}
}
