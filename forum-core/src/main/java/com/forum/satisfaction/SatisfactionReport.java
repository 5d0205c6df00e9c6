package com.forum.satisfaction;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.forum.board.BoardId;
import com.forum.member.Actor;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.WeekRange;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Satisfaction as the employees' dashboard shows it, for every board or one. */
@Service
public class SatisfactionReport {

	private static final String SCOPE = " (cast(:board as bigint) is null or r.board_id = :board) ";

	private static final String COUNTS = """
			count(*) filter (where r.subject_kind = 'QUESTION') as questions,
			count(*) filter (where r.subject_kind = 'QUESTION' and r.score >= :satisfied) as questions_satisfied,
			count(*) filter (where r.subject_kind = 'PETITION') as petitions,
			count(*) filter (where r.subject_kind = 'PETITION' and r.score >= :satisfied) as petitions_satisfied
			""";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	SatisfactionReport(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every rating ever given, and the last {@code weeks} calendar weeks in {@code zone}. */
	@Transactional(readOnly = true)
	public SatisfactionFigures figures(Actor actor, BoardId board, ZoneId zone, int weeks) {
		if (!actor.isStaff()) {
			throw new PermissionDeniedException("service-figures", "Only employees may see the service figures.");
		}
		WeekRange range = WeekRange.last(weeks, zone, clock.instant());
		MapSqlParameterSource params = new MapSqlParameterSource(range.sqlParameters())
			.addValue("board", board == null ? null : board.value())
			.addValue("satisfied", Score.SATISFIED);
		SatisfactionFigures totals = jdbc.queryForObject(
				"select " + COUNTS + " from satisfaction_rating r where" + SCOPE, params,
				(rs, i) -> new SatisfactionFigures(
						SatisfactionFigures.Csat.of(rs.getLong("questions"), rs.getLong("questions_satisfied")),
						SatisfactionFigures.Csat.of(rs.getLong("petitions"), rs.getLong("petitions_satisfied")),
						null));
		Map<Integer, SatisfactionFigures.Week> found = new HashMap<>();
		jdbc.query("select " + WeekRange.weekNumberOf("r.rated_at") + " as week, " + COUNTS
				+ " from satisfaction_rating r where r.rated_at >= :from and r.rated_at < :until and" + SCOPE
				+ "group by 1", params, rs -> {
					int week = rs.getInt("week");
					found.put(week, new SatisfactionFigures.Week(range.monday(week),
							SatisfactionFigures.Csat.of(rs.getLong("questions"), rs.getLong("questions_satisfied")),
							SatisfactionFigures.Csat.of(rs.getLong("petitions"), rs.getLong("petitions_satisfied"))));
				});
		return new SatisfactionFigures(totals.questions(), totals.petitions(),
				range.each(found, SatisfactionFigures.Week::empty));
	}
}
