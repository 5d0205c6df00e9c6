package com.forum.petition;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.forum.board.BoardId;
import com.forum.member.Actor;
import com.forum.shared.WeekRange;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service level over time, for the employees' dashboard: by week, the share answered within the
 * response deadline and the median time to the first official response; and the open petitions
 * per product area. Weeks are calendar weeks in the zone of whoever reads them.
 */
@Service
public class PetitionTrends {

	private static final String SCOPE = " (cast(:board as bigint) is null or p.board_id = :board) ";

	private static final String DEADLINE = " (p.created_at + make_interval(secs => :deadlineSeconds)) ";

	private final NamedParameterJdbcTemplate jdbc;

	private final PetitionProperties properties;

	private final Clock clock;

	PetitionTrends(NamedParameterJdbcTemplate jdbc, PetitionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The last {@code weeks} weeks in {@code zone}, for every petition or one board's. */
	@Transactional(readOnly = true)
	public TriageTrends trends(Actor actor, BoardId board, ZoneId zone, int weeks) {
		Petition.checkStaff(actor);
		WeekRange range = WeekRange.last(weeks, zone, clock.instant());
		Duration deadline = properties.firstResponseDeadline();
		MapSqlParameterSource params = new MapSqlParameterSource(range.sqlParameters())
			.addValue("board", board == null ? null : board.value())
			.addValue("deadlineSeconds", (double) deadline.toSeconds())
			.addValue("deadlineBefore", Timestamp.from(clock.instant().minus(deadline)));

		// a petition counts in the week its response deadline fell in (so a week's share is final once
		// the week is over) and in the week of its first official response
		Map<Integer, TriageTrends.Week> found = new HashMap<>();
		jdbc.query("""
				with e as (
				  select""" + DEADLINE + """
				as at, 'due' as kind, cast(null as numeric) as seconds,
				         p.first_response_at is not null and p.first_response_at <=""" + DEADLINE + """
				as in_time
				  from petition p
				  where (p.first_response_at is not null or p.created_at < :deadlineBefore) and""" + SCOPE + """
				  union all
				  select p.first_response_at, 'response', extract(epoch from p.first_response_at - p.created_at),
				         cast(null as boolean)
				  from petition p
				  where p.first_response_at is not null and""" + SCOPE + """
				)
				select""" + " " + WeekRange.weekNumberOf("e.at") + """
				 as week,
				       count(*) filter (where e.kind = 'due') as due,
				       count(*) filter (where e.kind = 'due' and e.in_time) as in_time,
				       count(*) filter (where e.kind = 'response') as responses,
				       percentile_cont(0.5) within group (order by e.seconds) filter (where e.kind = 'response')
				           as median_seconds
				from e where e.at >= :from and e.at < :until
				group by 1""", params, rs -> {
					int week = rs.getInt("week");
					long due = rs.getLong("due");
					long inTime = rs.getLong("in_time");
					found.put(week, new TriageTrends.Week(range.monday(week), due, inTime,
							due == 0 ? null : (double) inTime / due, rs.getLong("responses"),
							seconds((Number) rs.getObject("median_seconds"))));
				});

		List<TriageTrends.BoardCount> open = jdbc.query("""
				select p.board_id, count(*) as open from petition p
				where p.status in (:open) and""" + SCOPE + "group by p.board_id order by open desc, p.board_id",
				new MapSqlParameterSource(params.getValues()).addValue("open",
						PetitionStatus.OPEN.stream().map(Enum::name).toList()),
				(rs, i) -> new TriageTrends.BoardCount(new BoardId(rs.getLong("board_id")), rs.getLong("open")));
		return new TriageTrends(range.each(found, TriageTrends.Week::empty), open);
	}

	private static Duration seconds(Number seconds) {
		return seconds == null ? null : Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
	}
}
