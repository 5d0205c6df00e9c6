package com.forum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The chart of a {@code ./forum bench} run as a standalone SVG 1.1 document, for the report and its
 * Markdown view: throughput and p99 latency of each scenario at each number of connections.
 * <p>
 * Both panels are horizontal bar charts, one group of bars per scenario in the order the results name them
 * and one colour per number of connections, with the figure printed beside each bar. Horizontal bars keep
 * long scenario names readable at about 900 pixels wide, and the height grows with the number of results.
 * The latency panel is logarithmic, since a scenario that queues can be a hundred times slower than one that
 * does not. The document holds no script and refers to nothing outside itself.
 */
public final class BenchChart {

	private static final int WIDTH = 900;

	private static final int MARGIN = 20;

	/** Where bars start: the connection count is written left of it. */
	private static final int BARS_LEFT = 110;

	/** Where bars end: the figure is written right of the longest one. */
	private static final int BARS_RIGHT = WIDTH - 130;

	private static final int BAR = 16;

	private static final int BAR_GAP = 3;

	private static final int SCENARIO_LABEL = 20;

	private static final int GROUP_GAP = 12;

	private static final String[] COLOURS = { "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
			"#b07aa1", "#9c755f" };

	private BenchChart() {
	}

	public static String svg(String title, List<ScenarioResult> results) {
		Map<String, List<ScenarioResult>> scenarios = new LinkedHashMap<>();
		TreeSet<Integer> connections = new TreeSet<>();
		for (ScenarioResult result : results) {
			scenarios.computeIfAbsent(result.scenario(), (scenario) -> new ArrayList<>()).add(result);
			connections.add(result.connections());
		}
		// Within a scenario, fewer connections first, so that the groups read alike.
		scenarios.values().forEach((group) -> group.sort((a, b) -> Integer.compare(a.connections(), b.connections())));
		List<Integer> colours = new ArrayList<>(connections);

		int panelHeight = 0;
		for (List<ScenarioResult> group : scenarios.values()) {
			panelHeight += SCENARIO_LABEL + group.size() * (BAR + BAR_GAP) + GROUP_GAP;
		}
		int legendY = 58;
		int firstPanel = legendY + 40;
		int axisHeight = 44;
		int secondPanel = firstPanel + 24 + panelHeight + axisHeight + 20;
		int height = secondPanel + 24 + panelHeight + axisHeight + MARGIN;

		Svg svg = new Svg(height, title);
		svg.text(MARGIN, 30, "title", title);
		if (results.isEmpty()) {
			svg.text(MARGIN, legendY, "note", "No results");
			return svg.end();
		}
		for (int i = 0; i < colours.size(); i++) {
			int x = MARGIN + i * 150;
			svg.out.append("<rect x=\"").append(x).append("\" y=\"").append(legendY - 11)
				.append("\" width=\"12\" height=\"12\" fill=\"").append(colour(i)).append("\"/>\n");
			svg.text(x + 18, legendY, "legend", colours.get(i) + (colours.get(i) == 1 ? " connection" : " connections"));
		}

		double maxRate = 0;
		double minLatency = Double.MAX_VALUE;
		double maxLatency = 0;
		for (ScenarioResult result : results) {
			maxRate = Math.max(maxRate, finite(result.requestsPerSecond()));
			double p99 = finite(result.p99Millis());
			if (p99 > 0) {
				minLatency = Math.min(minLatency, p99);
				maxLatency = Math.max(maxLatency, p99);
			}
		}
		LinearScale rates = new LinearScale(maxRate);
		LogScale latencies = (maxLatency > 0) ? new LogScale(minLatency, maxLatency) : new LogScale(1, 10);

		svg.text(MARGIN, firstPanel, "heading", "Requests per second (higher is better)");
		int y = firstPanel + 24;
		for (double tick = 0; tick <= rates.max + rates.step / 2; tick += rates.step) {
			svg.grid(rates.x(tick), y, y + panelHeight, number(tick));
		}
		bars(svg, scenarios, colours, y, "rps", (result) -> rates.x(finite(result.requestsPerSecond())),
				(result) -> number(result.requestsPerSecond()) + " req/s"
						+ ((result.errors() > 0) ? " (" + result.errors() + " errors)" : ""));
		svg.text(BARS_LEFT, y + panelHeight + 36, "axis", "requests per second");

		svg.text(MARGIN, secondPanel, "heading", "p99 latency in ms (log scale, lower is better)");
		y = secondPanel + 24;
		for (double tick = latencies.low; tick <= latencies.high * 1.001; tick *= 10) {
			svg.grid(latencies.x(tick), y, y + panelHeight, number(tick));
		}
		bars(svg, scenarios, colours, y, "p99", (result) -> latencies.x(finite(result.p99Millis())),
				(result) -> number(result.p99Millis()) + " ms");
		svg.text(BARS_LEFT, y + panelHeight + 36, "axis", "p99 latency (ms, log scale)");
		return svg.end();
	}

	private static void bars(Svg svg, Map<String, List<ScenarioResult>> scenarios, List<Integer> colours, int top,
			String kind, ToDoubleFunction<ScenarioResult> end, Function<ScenarioResult, String> label) {
		int y = top;
		for (Map.Entry<String, List<ScenarioResult>> scenario : scenarios.entrySet()) {
			svg.text(MARGIN, y + 14, "scenario", scenario.getKey());
			y += SCENARIO_LABEL;
			for (ScenarioResult result : scenario.getValue()) {
				double width = Math.max(0, end.applyAsDouble(result) - BARS_LEFT);
				svg.out.append("<rect class=\"").append(kind).append("\" x=\"").append(BARS_LEFT).append("\" y=\"")
					.append(y).append("\" width=\"").append(format("%.1f", width)).append("\" height=\"").append(BAR)
					.append("\" fill=\"").append(colour(colours.indexOf(result.connections()))).append("\"/>\n");
				svg.text(BARS_LEFT - 8, y + 12, "connections", Integer.toString(result.connections()));
				svg.text(BARS_LEFT + width + 6, y + 12, "value", label.apply(result));
				y += BAR + BAR_GAP;
			}
			y += GROUP_GAP;
		}
	}

	private static String colour(int index) {
		return COLOURS[index % COLOURS.length];
	}

	/** NaN and infinities, from a run that measured nothing, chart as nothing. */
	private static double finite(double value) {
		return Double.isFinite(value) ? value : 0;
	}

	private static String number(double value) {
		double finite = finite(value);
		if (finite >= 100 || finite == 0) {
			return format("%,.0f", finite);
		}
		return (finite >= 10) ? format("%.1f", finite) : format("%.2f", finite);
	}

	private static String format(String pattern, double value) {
		return String.format(Locale.ROOT, pattern, value);
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> {
					// XML 1.0 allows no other control characters, not even as references.
					if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/** Bars from 0 to a round number at or above the highest value, with five or so grid lines. */
	private static final class LinearScale {

		final double max;

		final double step;

		LinearScale(double highest) {
			double rough = Math.max(highest, 1) / 5;
			double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
			double residual = rough / magnitude;
			this.step = magnitude * ((residual <= 1) ? 1 : (residual <= 2) ? 2 : (residual <= 5) ? 5 : 10);
			this.max = Math.ceil(Math.max(highest, 1) / this.step) * this.step;
		}

		double x(double value) {
			return BARS_LEFT + (BARS_RIGHT - BARS_LEFT) * Math.min(value, this.max) / this.max;
		}

	}

	/** Bars over whole decades from below the lowest value to above the highest. */
	private static final class LogScale {

		final double low;

		final double high;

		LogScale(double lowest, double highest) {
			this.low = Math.pow(10, Math.floor(Math.log10(lowest)));
			double high = Math.pow(10, Math.ceil(Math.log10(highest)));
			this.high = (high <= this.low) ? this.low * 10 : high;
		}

		double x(double value) {
			if (value <= 0) {
				return BARS_LEFT;
			}
			double share = Math.log10(value / this.low) / Math.log10(this.high / this.low);
			return BARS_LEFT + (BARS_RIGHT - BARS_LEFT) * Math.clamp(share, 0, 1);
		}

	}

	private static final class Svg {

		final StringBuilder out = new StringBuilder(8_192);

		Svg(int height, String title) {
			this.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
				.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
				.append(WIDTH)
				.append("\" height=\"")
				.append(height)
				.append("\" viewBox=\"0 0 ")
				.append(WIDTH)
				.append(' ')
				.append(height)
				.append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
				.append("<title>")
				.append(escape(title))
				.append("</title>\n")
				.append("<style type=\"text/css\">")
				.append(".title{font-size:18px;font-weight:bold}.heading{font-size:15px;font-weight:bold}")
				.append(".scenario{font-weight:bold}.connections{text-anchor:end;fill:#555}")
				.append(".tick{text-anchor:middle;fill:#555;font-size:11px}.axis{fill:#333}")
				.append("</style>\n")
				.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
		}

		void text(double x, double y, String kind, String text) {
			this.out.append("<text class=\"").append(kind).append("\" x=\"").append(format("%.1f", x))
				.append("\" y=\"").append(format("%.1f", y)).append("\">").append(escape(text)).append("</text>\n");
		}

		void grid(double x, int top, int bottom, String label) {
			String at = format("%.1f", x);
			this.out.append("<line x1=\"").append(at).append("\" y1=\"").append(top).append("\" x2=\"").append(at)
				.append("\" y2=\"").append(bottom).append("\" stroke=\"#dddddd\"/>\n");
			text(x, bottom + 16, "tick", label);
		}

		String end() {
			return this.out.append("</svg>\n").toString();
		}

	}

}
