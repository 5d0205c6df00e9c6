package com.forum.discussion;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.board.BoardSummary;
import com.forum.member.Actor;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.WeekRange;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community service figures of support boards, for the employees' dashboard: the share of
 * questions members solve for each other (peer support lowers after-sales cost), and the median
 * times to a first answer and to a solution, overall and by week.
 */
@Service
public class SupportReport {

	/**
	 * Every live question in scope with what the figures need: when it got its first answer (a reply
	 * by someone other than the asker, not deleted) and whether a member or staff wrote its answer.
	 */
	private static final String QUESTIONS = """
			with q as (
			  select t.id, t.created_at, t.accepted_at, t.accepted_reply_id is not null as solved,
			         (select min(r.created_at) from reply r
			          where r.topic_id = t.id and r.author_id <> t.author_id and r.deleted_at is null) as first_answer_at,
			         (select m.role in ('MEMBER', 'MODERATOR') from reply a join member m on m.id = a.author_id
			          where a.id = t.accepted_reply_id) as by_member
			  from topic t
			  where t.deleted_at is null and t.board_id in (:boards))
			""";

	private static final String SOLUTION_SECONDS = "extract(epoch from q.accepted_at - q.created_at)";

	private static final String FIRST_ANSWER_SECONDS = "extract(epoch from q.first_answer_at - q.created_at)";

	private final NamedParameterJdbcTemplate jdbc;

	private final BoardCatalog boards;

	private final Clock clock;

	SupportReport(NamedParameterJdbcTemplate jdbc, BoardCatalog boards, Clock clock) {
		this.jdbc = jdbc;
		this.boards = boards;
		this.clock = clock;
	}

	/**
	 * The figures of every support board, or of one board (none if it is not a support board), with
	 * the last {@code weeks} calendar weeks in {@code zone}.
	 */
	@Transactional(readOnly = true)
	public SupportFigures figures(Actor actor, BoardId board, ZoneId zone, int weeks) {
		if (!actor.isStaff()) {
			throw new PermissionDeniedException("service-figures", "Only employees may see the service figures.");
		}
		WeekRange range = WeekRange.last(weeks, zone, clock.instant());
		List<Long> scope = boards.all().stream()
			.filter(BoardSummary::isSupport)
			.filter(b -> board == null || b.id().equals(board))
			.map(b -> b.id().value())
			.toList();
		if (scope.isEmpty()) {
			return new SupportFigures(0, 0, 0, null, null, null, range.each(Map.of(), SupportFigures.Week::empty));
		}
		MapSqlParameterSource params = new MapSqlParameterSource(range.sqlParameters()).addValue("boards", scope);

		SupportFigures totals = jdbc.queryForObject(QUESTIONS + """
				select count(*) as questions, count(*) filter (where q.solved) as solved,
				       count(*) filter (where q.solved and q.by_member) as by_members,
				       percentile_cont(0.5) within group (order by""" + " " + FIRST_ANSWER_SECONDS + """
				) filter (where q.first_answer_at is not null) as median_first_answer,
				       percentile_cont(0.5) within group (order by""" + " " + SOLUTION_SECONDS + """
				) filter (where q.solved and q.accepted_at is not null) as median_solution
				from q""", params,
				(rs, i) -> new SupportFigures(rs.getLong("questions"), rs.getLong("solved"), rs.getLong("by_members"),
						share(rs.getLong("by_members"), rs.getLong("solved")),
						seconds((Number) rs.getObject("median_first_answer")),
						seconds((Number) rs.getObject("median_solution")), List.of()));

		// each question counts in the week it was asked, in the week of its first answer and in the week
		// it was solved: one row per such event, then grouped by week
		Map<Integer, SupportFigures.Week> found = new HashMap<>();
		jdbc.query(QUESTIONS + """
				, e as (
				  select q.created_at as at, 'asked' as kind, cast(null as numeric) as seconds,
				         cast(null as boolean) as by_member from q
				  union all
				  select q.first_answer_at, 'answered',""" + " " + FIRST_ANSWER_SECONDS + """
				, cast(null as boolean) from q
				  where q.first_answer_at is not null
				  union all
				  select q.accepted_at, 'solved',""" + " " + SOLUTION_SECONDS + """
				, q.by_member from q
				  where q.solved and q.accepted_at is not null)
				select""" + " " + WeekRange.weekNumberOf("e.at") + """
				 as week,
				       count(*) filter (where e.kind = 'asked') as asked,
				       count(*) filter (where e.kind = 'answered') as answered,
				       percentile_cont(0.5) within group (order by e.seconds) filter (where e.kind = 'answered')
				           as median_first_answer,
				       count(*) filter (where e.kind = 'solved') as solved,
				       count(*) filter (where e.kind = 'solved' and e.by_member) as by_members,
				       percentile_cont(0.5) within group (order by e.seconds) filter (where e.kind = 'solved')
				           as median_solution
				from e where e.at >= :from and e.at < :until
				group by 1""", params, rs -> {
					int week = rs.getInt("week");
					found.put(week, new SupportFigures.Week(range.monday(week), rs.getLong("asked"),
							rs.getLong("answered"), seconds((Number) rs.getObject("median_first_answer")),
							rs.getLong("solved"), rs.getLong("by_members"),
							share(rs.getLong("by_members"), rs.getLong("solved")),
							seconds((Number) rs.getObject("median_solution"))));
				});
		return new SupportFigures(totals.questions(), totals.solved(), totals.solvedByMembers(),
				totals.shareSolvedByMembers(), totals.medianFirstAnswer(), totals.medianSolution(),
				range.each(found, SupportFigures.Week::empty));
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	private static Duration seconds(Number seconds) {
		return seconds == null ? null : Duration.ofMillis(Math.round(seconds.doubleValue() * 1000));
	}
}
