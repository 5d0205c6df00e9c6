package com.forum.web.pages;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Charts drawn on the server as inline SVG, for figures read at a glance: no script, no library.
 * This works out the geometry in the units of each chart's {@code viewBox} and the words in the
 * reader's language (from the {@code dashboard} bundle); {@code fragments/charts.html} draws them,
 * with a title, a description and a table of the same numbers for screen readers and the curious.
 * The stylesheet sizes the text, so that it stays legible when a phone shrinks the chart.
 */
@Component("charts")
public class Charts {

	static final int WIDTH = 480;

	static final int HEIGHT = 220;

	private static final double LEFT = 56;

	private static final double RIGHT = WIDTH - 10;

	private static final double TOP = 14;

	private static final double BASELINE = HEIGHT - 36;

	private static final int BAR_ROW = 42;

	private static final long HOUR = 3600;

	private static final long DAY = 24 * HOUR;

	/** Steps of a duration axis, in hours or in days, the first that keeps it to four steps wins. */
	private static final int[] STEPS = { 1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 168, 336, 720 };

	private final MessageSource messages;

	Charts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Shares (0 to 1) week by week: columns for one series, lines for several.
	 *
	 * @param target a share to draw as a dashed line, or null
	 */
	WeeklyChart shares(List<LocalDate> weeks, List<Series> series, Double target) {
		List<Tick> ticks = new ArrayList<>();
		for (int quarter = 0; quarter <= 4; quarter++) {
			ticks.add(new Tick(LEFT, y(quarter, 4), percent(quarter / 4.0)));
		}
		Tick line = target == null ? null
				: new Tick(RIGHT, y(target, 1), message("dashboard.chart.target", percent(target)));
		return weekly(weeks, series, 1, ticks, line, series.size() == 1);
	}

	/** Durations week by week, in seconds, as lines on an axis of hours or days. */
	WeeklyChart durations(List<LocalDate> weeks, List<Series> series) {
		double longest = series.stream()
			.flatMap(s -> s.points().stream())
			.filter(p -> p.value() != null)
			.mapToDouble(Point::value)
			.max()
			.orElse(0);
		long unit = longest >= 2 * DAY ? DAY : HOUR;
		double units = Math.max(1, Math.ceil(longest / unit));
		int step = STEPS[STEPS.length - 1];
		for (int candidate : STEPS) {
			if (units / candidate <= 4) {
				step = candidate;
				break;
			}
		}
		int steps = (int) Math.max(1, Math.ceil(units / step));
		double top = (double) steps * step * unit;
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= steps; i++) {
			long amount = (long) i * step;
			ticks.add(new Tick(LEFT, y(i, steps),
					message(unit == DAY ? "dashboard.duration.whole-days" : "dashboard.duration.whole-hours", amount)));
		}
		return weekly(weeks, series, top, ticks, null, false);
	}

	/** Counts as horizontal bars, each labelled above its bar, for stages and areas. */
	BarChart bars(List<Bar> bars) {
		long most = bars.stream().mapToLong(Bar::count).max().orElse(0);
		double track = WIDTH - 2;
		List<BarRow> rows = new ArrayList<>();
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			double labelY = 4 + i * BAR_ROW + 16;
			double width = most == 0 ? 0 : Math.max(bar.count() > 0 ? 3 : 0, track * bar.count() / most);
			rows.add(new BarRow(round(labelY), round(labelY + 7), bar.label(), number(bar.count()), round(width),
					round(track), bar.css()));
		}
		Table table = new Table(List.of(message("dashboard.chart.item"), message("dashboard.chart.count")),
				rows.stream().map(r -> List.of(r.label(), r.value())).toList());
		String summary = bars.isEmpty() ? message("dashboard.chart.nothing")
				: rows.stream()
					.map(r -> message("dashboard.chart.pair", r.label(), r.value()))
					.collect(Collectors.joining(message("dashboard.chart.separator")));
		return new BarChart(WIDTH, Math.max(BAR_ROW, 8 + bars.size() * BAR_ROW), rows, table, summary,
				bars.isEmpty() ? message("dashboard.chart.nothing") : null);
	}

	/** A share as a point: "80%", or a dash for a week with nothing to share out. */
	Point share(Double share) {
		return new Point(share, percent(share));
	}

	/** A share with what it is made of: "80% (4 of 5)". */
	Point share(long part, long whole) {
		Double share = whole == 0 ? null : (double) part / whole;
		return new Point(share, whole == 0 ? percent(null)
				: message("dashboard.value.share", percent(share), number(part), number(whole)));
	}

	Point duration(Duration duration) {
		return new Point(duration == null ? null : (double) duration.toSeconds(), durationText(duration));
	}

	/** "80%" in the reader's way of writing it; a dash for none. */
	public String percent(Double share) {
		return share == null ? message("dashboard.value.none")
				: NumberFormat.getPercentInstance(locale()).format(share);
	}

	public String number(long count) {
		return NumberFormat.getIntegerInstance(locale()).format(count);
	}

	/** "2 d 3 h", "3 d", "5 h 12 min", "5 h", "12 min" and their Chinese; a dash for none. */
	public String durationText(Duration duration) {
		if (duration == null) {
			return message("dashboard.value.none");
		}
		if (duration.toDays() > 0) {
			return duration.toHoursPart() == 0 ? message("dashboard.duration.whole-days", duration.toDays())
					: message("dashboard.duration.days", duration.toDays(), duration.toHoursPart());
		}
		if (duration.toHours() > 0) {
			return duration.toMinutesPart() == 0 ? message("dashboard.duration.whole-hours", duration.toHours())
					: message("dashboard.duration.hours", duration.toHours(), duration.toMinutesPart());
		}
		long minutes = Math.max(0, duration.toMinutes());
		return minutes == 0 && !duration.isZero() ? message("dashboard.duration.under-a-minute")
				: message("dashboard.duration.minutes", minutes);
	}

	/** The week a chart's column stands for, short: "23 Nov", "11/23". */
	String week(LocalDate monday) {
		return DateTimeFormatter.ofPattern(message("dashboard.week.short"), locale()).format(monday);
	}

	/** The week in full, for tables and tooltips: "week of 23 Nov 2026", "2026年11月23日当周". */
	String weekOf(LocalDate monday) {
		return message("dashboard.week.of",
				DateTimeFormatter.ofPattern(message("format.date"), locale()).format(monday));
	}

	private WeeklyChart weekly(List<LocalDate> weeks, List<Series> series, double top, List<Tick> ticks,
			Tick target, boolean columns) {
		int n = weeks.size();
		double slot = (RIGHT - LEFT) / Math.max(1, n);
		List<Tick> labels = new ArrayList<>();
		// every other week is labelled, counting back from the current one, when there are many
		int every = n > 6 ? 2 : 1;
		for (int i = 0; i < n; i++) {
			if ((n - 1 - i) % every == 0) {
				labels.add(new Tick(round(LEFT + slot * i + slot / 2), HEIGHT - 12, week(weeks.get(i))));
			}
		}
		List<Column> bars = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		for (Series s : series) {
			List<Dot> dots = new ArrayList<>();
			StringBuilder path = new StringBuilder();
			boolean drawing = false;
			for (int i = 0; i < n; i++) {
				Point point = s.points().get(i);
				String tip = message("dashboard.chart.pair", weekOf(weeks.get(i)),
						series.size() == 1 ? point.text() : message("dashboard.chart.pair", s.name(), point.text()));
				if (point.value() == null) {
					drawing = false;
					continue;
				}
				double x = LEFT + slot * i + slot / 2;
				double y = y(point.value(), top);
				if (columns) {
					double width = slot * 0.62;
					double height = Math.max(2, BASELINE - y);
					bars.add(new Column(round(x - width / 2), round(BASELINE - height), round(width), round(height),
							s.css(), tip));
				}
				else {
					path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M"))
						.append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
					drawing = true;
					dots.add(new Dot(round(x), round(y), tip));
				}
			}
			if (!columns) {
				lines.add(new Line(s.name(), s.css(), path.toString(), dots));
			}
		}
		List<String> headers = new ArrayList<>();
		headers.add(message("dashboard.chart.week"));
		series.forEach(s -> headers.add(s.name()));
		List<List<String>> rows = new ArrayList<>();
		for (int i = n - 1; i >= 0; i--) {
			List<String> row = new ArrayList<>();
			row.add(weekOf(weeks.get(i)));
			for (Series s : series) {
				row.add(s.points().get(i).text());
			}
			rows.add(row);
		}
		boolean empty = series.stream().allMatch(s -> s.points().stream().allMatch(p -> p.value() == null));
		String summary = n == 0 ? message("dashboard.chart.empty")
				: message("dashboard.chart.summary", n, weekOf(weeks.get(0)), weekOf(weeks.get(n - 1)),
						series.stream()
							.map(s -> series.size() == 1 ? s.points().get(n - 1).text()
									: message("dashboard.chart.pair", s.name(), s.points().get(n - 1).text()))
							.collect(Collectors.joining(message("dashboard.chart.separator"))));
		return new WeeklyChart(WIDTH, HEIGHT, LEFT, RIGHT, BASELINE, ticks, labels, bars, lines, target,
				new Table(headers, rows), summary, empty ? message("dashboard.chart.empty") : null);
	}

	private static double y(double value, double top) {
		return round(BASELINE - (BASELINE - TOP) * Math.min(1, Math.max(0, value / top)));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** A message of the reader's language, for the words of a chart. */
	String message(String key, Object... args) {
		return messages.getMessage(key, args, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** A value of a chart, in its unit (a share, seconds), and how it reads; the value is null for none. */
	record Point(Double value, String text) {
	}

	/** One line (or the columns) of a chart: a point per week. */
	record Series(String name, String css, List<Point> points) {
	}

	record Bar(String label, long count, String css) {
	}

	/** A label of an axis, or a target line, at a place in the chart. */
	public record Tick(double x, double y, String label) {
	}

	public record Column(double x, double y, double width, double height, String css, String tip) {
	}

	public record Dot(double x, double y, String tip) {
	}

	/** A series drawn as a line: its SVG path, broken where a week has no value, and its points. */
	public record Line(String name, String css, String path, List<Dot> dots) {
	}

	/** The numbers of a chart as a table: a header row and the rows. */
	public record Table(List<String> headers, List<List<String>> rows) {
	}

	/**
	 * A chart of weeks.
	 *
	 * @param empty what to say in the chart when no week has a value, else null
	 */
	public record WeeklyChart(int width, int height, double left, double right, double baseline, List<Tick> ticks,
			List<Tick> weeks, List<Column> columns, List<Line> lines, Tick target, Table table, String summary,
			String empty) {
	}

	/**
	 * Horizontal bars.
	 *
	 * @param labelY the baseline of a row's label and value
	 * @param barY the top of its bar
	 */
	public record BarRow(double labelY, double barY, String label, String value, double width, double track,
			String css) {
	}

	public record BarChart(int width, int height, List<BarRow> rows, Table table, String summary, String empty) {
	}
}
