package com.forum.web.pages;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardId;
import com.forum.board.BoardSummary;
import com.forum.discussion.SupportFigures;
import com.forum.discussion.SupportReport;
import com.forum.member.Actor;
import com.forum.petition.PetitionProperties;
import com.forum.petition.PetitionTriage;
import com.forum.petition.PetitionTrends;
import com.forum.petition.TriageDashboard;
import com.forum.petition.TriageTrends;
import com.forum.satisfaction.SatisfactionFigures;
import com.forum.satisfaction.SatisfactionReport;
import com.forum.web.pages.Charts.Bar;
import com.forum.web.pages.Charts.BarChart;
import com.forum.web.pages.Charts.Point;
import com.forum.web.pages.Charts.Series;
import com.forum.web.pages.Charts.WeeklyChart;
import com.forum.web.security.MemberPrincipal;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The employees' dashboard: how triage keeps its service level, and how the community and staff
 * serve members on support boards, as figures and as charts of the last weeks, for every product
 * area or one. Weeks run Monday to Sunday in the reader's time zone.
 */
@Controller
class DashboardPages {

	static final int WEEKS = 12;

	/** The share of petitions answered within the deadline that triage aims for. */
	static final double IN_TIME_TARGET = 0.9;

	private final PetitionTriage triage;

	private final PetitionTrends petitionTrends;

	private final SupportReport support;

	private final SatisfactionReport satisfaction;

	private final BoardCatalog boards;

	private final PetitionProperties properties;

	private final Charts charts;

	DashboardPages(PetitionTriage triage, PetitionTrends petitionTrends, SupportReport support,
			SatisfactionReport satisfaction, BoardCatalog boards, PetitionProperties properties, Charts charts) {
		this.triage = triage;
		this.petitionTrends = petitionTrends;
		this.support = support;
		this.satisfaction = satisfaction;
		this.boards = boards;
		this.properties = properties;
		this.charts = charts;
	}

	@GetMapping("/triage/dashboard")
	String dashboard(@RequestParam(defaultValue = "") String board, @AuthenticationPrincipal MemberPrincipal member,
			Model model) {
		BoardSummary scope = boards.find(board).orElse(null);
		BoardId scopeId = scope == null ? null : scope.id();
		Actor actor = new Viewer(member).actor();
		ZoneId zone = LocaleContextHolder.getTimeZone().toZoneId();
		TriageDashboard dashboard = triage.dashboard(actor, scopeId);
		TriageTrends trends = petitionTrends.trends(actor, scopeId, zone, WEEKS);
		SupportFigures questions = support.figures(actor, scopeId, zone, WEEKS);
		SatisfactionFigures csat = satisfaction.figures(actor, scopeId, zone, WEEKS);
		model.addAttribute("section", "triage");
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("support", questions);
		model.addAttribute("csat", csat);
		model.addAttribute("deadlineDays", properties.firstResponseDeadline().toDays());
		model.addAttribute("inTimeTarget", IN_TIME_TARGET);
		model.addAttribute("weeks", WEEKS);
		model.addAttribute("scope", scope);
		model.addAttribute("dashboardCharts", charts(dashboard, trends, questions, csat, boards.byId()));
		return "triage/dashboard";
	}

	private DashboardCharts charts(TriageDashboard dashboard, TriageTrends trends, SupportFigures questions,
			SatisfactionFigures csat, Map<BoardId, BoardSummary> boardsById) {
		List<LocalDate> petitionWeeks = trends.weeks().stream().map(TriageTrends.Week::monday).toList();
		List<LocalDate> supportWeeks = questions.weeks().stream().map(SupportFigures.Week::monday).toList();
		List<LocalDate> csatWeeks = csat.weeks().stream().map(SatisfactionFigures.Week::monday).toList();
		return new DashboardCharts(
				charts.shares(petitionWeeks, List.of(series("dashboard.series.in-time", "c-accent", trends.weeks(),
						w -> charts.share(w.answeredInTime(), w.due()))), IN_TIME_TARGET),
				charts.durations(petitionWeeks, List.of(series("dashboard.series.first-response", "c-blue",
						trends.weeks(), w -> charts.duration(w.medianFirstResponse())))),
				charts.bars(dashboard.funnel().entrySet().stream()
					.map(stage -> new Bar(charts.message("petition.status." + stage.getKey().name()), stage.getValue(),
							"s-" + stage.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-')))
					.toList()),
				charts.bars(trends.openByBoard().stream()
					.map(area -> new Bar(area(area.board(), boardsById), area.count(), "c-accent"))
					.toList()),
				charts.shares(supportWeeks, List.of(series("dashboard.series.by-members", "c-green",
						questions.weeks(), w -> charts.share(w.solvedByMembers(), w.solved()))), null),
				charts.durations(supportWeeks, List.of(
						series("dashboard.series.first-answer", "c-blue", questions.weeks(),
								w -> charts.duration(w.medianFirstAnswer())),
						series("dashboard.series.solution", "c-green", questions.weeks(),
								w -> charts.duration(w.medianSolution())))),
				charts.shares(csatWeeks, List.of(
						series("dashboard.series.csat-questions", "c-green", csat.weeks(),
								w -> charts.share(w.questions().satisfied(), w.questions().ratings())),
						series("dashboard.series.csat-petitions", "c-accent", csat.weeks(),
								w -> charts.share(w.petitions().satisfied(), w.petitions().ratings()))),
						null));
	}

	private <W> Series series(String nameKey, String css, List<W> weeks, Function<W, Point> point) {
		return new Series(charts.message(nameKey), css, weeks.stream().map(point).toList());
	}

	/** A board's name as members see it (its own name, in whatever language it was given). */
	private String area(BoardId id, Map<BoardId, BoardSummary> boardsById) {
		BoardSummary board = boardsById.get(id);
		return board == null ? "#" + id.value() : board.name();
	}

	/** The charts of the page, by what they show. */
	public record DashboardCharts(WeeklyChart answeredInTime, WeeklyChart firstResponse, BarChart funnel,
			BarChart openByArea, WeeklyChart solvedByMembers, WeeklyChart answerTimes, WeeklyChart satisfaction) {
	}
}
