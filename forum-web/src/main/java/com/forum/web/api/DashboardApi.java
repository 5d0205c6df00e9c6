package com.forum.web.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import com.forum.board.BoardId;
import com.forum.discussion.SupportFigures;
import com.forum.discussion.SupportReport;
import com.forum.petition.PetitionTrends;
import com.forum.petition.TriageTrends;
import com.forum.satisfaction.SatisfactionFigures;
import com.forum.satisfaction.SatisfactionReport;
import com.forum.shared.InvalidInputException;
import com.forum.shared.WeekRange;
import com.forum.web.security.MemberPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weekly figures behind the dashboard's charts: triage's service level, community support and
 * satisfaction. Durations are in seconds, shares from 0 to 1 (null when there was nothing to share
 * out), weeks named by their Monday in the zone asked for.
 */
@RestController
@Tag(name = "Triage", description = "Employees only: the queue, bulk decisions, service-level figures, exports")
class DashboardApi {

	private final PetitionTrends petitions;

	private final SupportReport support;

	private final SatisfactionReport satisfaction;

	DashboardApi(PetitionTrends petitions, SupportReport support, SatisfactionReport satisfaction) {
		this.petitions = petitions;
		this.support = support;
		this.satisfaction = satisfaction;
	}

	@GetMapping("/api/v1/triage/trends")
	@Operation(summary = "Weekly trends: answered in time, first response, open by area, support, satisfaction")
	TrendsResponse trends(@AuthenticationPrincipal MemberPrincipal me,
			@RequestParam(required = false) @Positive Long boardId,
			@RequestParam(defaultValue = "12") @Min(1) @Max(WeekRange.MAX_WEEKS) int weeks,
			@RequestParam(defaultValue = "UTC") @Size(max = 64) String zone) {
		ZoneId zoneId = zone(zone);
		BoardId board = boardId == null ? null : new BoardId(boardId);
		TriageTrends triage = petitions.trends(me.actor(), board, zoneId, weeks);
		SupportFigures questions = support.figures(me.actor(), board, zoneId, weeks);
		SatisfactionFigures csat = satisfaction.figures(me.actor(), board, zoneId, weeks);
		return new TrendsResponse(zoneId.getId(),
				triage.weeks().stream()
					.map(w -> new PetitionWeek(w.monday().toString(), w.due(), w.answeredInTime(),
							w.shareAnsweredInTime(), w.responses(), seconds(w.medianFirstResponse())))
					.toList(),
				triage.openByBoard().stream().map(a -> new AreaCount(a.board().value(), a.count())).toList(),
				new SupportTotals(questions.questions(), questions.solved(), questions.solvedByMembers(),
						questions.shareSolvedByMembers(), seconds(questions.medianFirstAnswer()),
						seconds(questions.medianSolution())),
				questions.weeks().stream()
					.map(w -> new SupportWeek(w.monday().toString(), w.asked(), w.firstAnswers(),
							seconds(w.medianFirstAnswer()), w.solved(), w.solvedByMembers(), w.shareSolvedByMembers(),
							seconds(w.medianSolution())))
					.toList(),
				new Csat(csat.questions()), new Csat(csat.petitions()),
				csat.weeks().stream()
					.map(w -> new CsatWeek(w.monday().toString(), new Csat(w.questions()), new Csat(w.petitions())))
					.toList());
	}

	private static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone.strip());
		}
		catch (DateTimeException ex) {
			throw new InvalidInputException("zone", "time-zone", "must be a time zone such as Asia/Shanghai or UTC");
		}
	}

	private static Long seconds(Duration duration) {
		return duration == null ? null : duration.toSeconds();
	}

	record TrendsResponse(String zone, List<PetitionWeek> petitionWeeks, List<AreaCount> openByBoard,
			SupportTotals support, List<SupportWeek> supportWeeks, Csat questionSatisfaction,
			Csat petitionSatisfaction, List<CsatWeek> satisfactionWeeks) {
	}

	record PetitionWeek(String week, long due, long answeredInTime, Double shareAnsweredInTime, long responses,
			Long medianFirstResponseSeconds) {
	}

	record AreaCount(long boardId, long open) {
	}

	record SupportTotals(long questions, long solved, long solvedByMembers, Double shareSolvedByMembers,
			Long medianFirstAnswerSeconds, Long medianSolutionSeconds) {
	}

	record SupportWeek(String week, long asked, long firstAnswers, Long medianFirstAnswerSeconds, long solved,
			long solvedByMembers, Double shareSolvedByMembers, Long medianSolutionSeconds) {
	}

	record Csat(long ratings, long satisfied, Double share) {

		Csat(SatisfactionFigures.Csat csat) {
			this(csat.ratings(), csat.satisfied(), csat.share());
		}
	}

	record CsatWeek(String week, Csat questions, Csat petitions) {
	}
}
