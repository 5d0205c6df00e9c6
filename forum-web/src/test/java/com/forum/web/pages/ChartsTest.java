package com.forum.web.pages;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.forum.web.pages.Charts.Bar;
import com.forum.web.pages.Charts.BarChart;
import com.forum.web.pages.Charts.Point;
import com.forum.web.pages.Charts.Series;
import com.forum.web.pages.Charts.Tick;
import com.forum.web.pages.Charts.WeeklyChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The geometry and the words of the dashboard's charts, from the real bundles. */
class ChartsTest {

	private static final List<LocalDate> WEEKS = List.of(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-09"),
			LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-23"));

	private final Charts charts = new Charts(bundles());

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void oneShareAWeekIsColumnsOnAPercentAxisWithItsTarget() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		WeeklyChart chart = charts.shares(WEEKS, List.of(new Series("In time", "c-accent",
				List.of(charts.share(1, 2), charts.share(0, 0), charts.share(3, 3), charts.share(0, 4)))), 0.9);

		assertThat(chart.ticks()).extracting(Tick::label).containsExactly("0%", "25%", "50%", "75%", "100%");
		assertThat(chart.target().label()).isEqualTo("90% target");
		assertThat(chart.columns()).hasSize(3).allSatisfy(c -> assertThat(c.css()).isEqualTo("c-accent"));
		// half as tall as the full one; a zero still shows as a sliver
		assertThat(chart.columns().get(0).height()).isCloseTo(chart.columns().get(1).height() / 2,
				org.assertj.core.api.Assertions.within(0.1));
		assertThat(chart.columns().get(2).height()).isEqualTo(2);
		assertThat(chart.columns().get(0).tip()).isEqualTo("week of 2 Nov 2026: 50% (1 of 2)");
		assertThat(chart.lines()).isEmpty();
		assertThat(chart.weeks()).extracting(Tick::label).containsExactly("2 Nov", "9 Nov", "16 Nov", "23 Nov");
		assertThat(chart.table().headers()).containsExactly("Week", "In time");
		assertThat(chart.table().rows().getFirst()).containsExactly("week of 23 Nov 2026", "0% (0 of 4)");
		assertThat(chart.table().rows().get(2)).containsExactly("week of 9 Nov 2026", "—");
		assertThat(chart.summary())
			.isEqualTo("The last 4 weeks, from the week of 2 Nov 2026 to the week of 23 Nov 2026. This week: 0% (0 of 4).");
		assertThat(chart.empty()).isNull();
	}

	@Test
	void durationsAreLinesOnAnAxisOfHoursOrDaysBrokenWhereAWeekHasNone() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		WeeklyChart hours = charts.durations(WEEKS, List.of(new Series("First answer", "c-blue",
				points(Duration.ofHours(2), null, Duration.ofHours(7), Duration.ofMinutes(90)))));
		WeeklyChart days = charts.durations(WEEKS, List.of(new Series("Solution", "c-green",
				points(Duration.ofDays(9), Duration.ofDays(2), null, null))));

		assertThat(hours.ticks()).extracting(Tick::label).containsExactly("0 h", "2 h", "4 h", "6 h", "8 h");
		assertThat(hours.lines().getFirst().path()).matches("M\\S+ \\S+ M\\S+ \\S+ L\\S+ \\S+");
		assertThat(hours.lines().getFirst().dots()).hasSize(3);
		assertThat(hours.lines().getFirst().dots().getFirst().tip()).isEqualTo("week of 2 Nov 2026: 2 h");
		assertThat(hours.columns()).isEmpty();
		assertThat(days.ticks()).extracting(Tick::label).containsExactly("0 d", "3 d", "6 d", "9 d");
		assertThat(days.table().rows().getLast()).containsExactly("week of 2 Nov 2026", "9 d");
	}

	@Test
	void chineseChartsWriteTheirOwnWay() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		WeeklyChart chart = charts.durations(WEEKS, List.of(
				new Series("首次回答", "c-blue", points(Duration.ofHours(30), null, null, Duration.ofSeconds(40))),
				new Series("问题解决", "c-green", points(null, null, null, Duration.ofHours(5)))));

		assertThat(chart.weeks()).extracting(Tick::label).containsExactly("11/2", "11/9", "11/16", "11/23");
		assertThat(chart.ticks()).extracting(Tick::label).containsExactly("0 小时", "8 小时", "16 小时", "24 小时", "32 小时");
		assertThat(chart.table().rows().getFirst()).containsExactly("2026年11月23日当周", "不到 1 分钟", "5 小时");
		assertThat(chart.table().rows().getLast()).containsExactly("2026年11月2日当周", "1 天 6 小时", "—");
		assertThat(chart.summary()).isEqualTo("最近 4 周，从2026年11月2日当周到2026年11月23日当周。本周：首次回答：不到 1 分钟；问题解决：5 小时。");
		assertThat(charts.share(2, 3).text()).isEqualTo("67%（3 个中 2 个）");
	}

	@Test
	void barsAreAsLongAsTheirCountAgainstTheLongest() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		BarChart chart = charts.bars(List.of(new Bar("Submitted", 10, "s-submitted"), new Bar("Planned", 5, "s-planned"),
				new Bar("Shipped", 0, "s-shipped")));

		assertThat(chart.rows()).extracting(Charts.BarRow::value).containsExactly("10", "5", "0");
		assertThat(chart.rows().get(1).width()).isEqualTo(chart.rows().get(0).width() / 2);
		assertThat(chart.rows().get(2).width()).isZero();
		assertThat(chart.height()).isEqualTo(8 + 3 * 42);
		assertThat(chart.summary()).isEqualTo("Submitted: 10; Planned: 5; Shipped: 0");
		assertThat(charts.bars(List.of()).empty()).isEqualTo("Nothing to show");
	}

	@Test
	void aChartWithoutAnyValueSaysSo() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		WeeklyChart chart = charts.shares(WEEKS, List.of(new Series("CSAT", "c-green",
				List.of(charts.share(null), charts.share(null), charts.share(null), charts.share(null)))), null);

		assertThat(chart.empty()).isEqualTo("No data in these weeks yet");
		assertThat(chart.target()).isNull();
		assertThat(chart.columns()).isEmpty();
	}

	private List<Point> points(Duration... durations) {
		return Arrays.stream(durations).map(charts::duration).toList();
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/common", "messages/dashboard");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
