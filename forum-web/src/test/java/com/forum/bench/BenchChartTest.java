package com.forum.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart of a {@code ./forum bench} run, as the report embeds it. */
class BenchChartTest {

	private static final List<ScenarioResult> RESULTS = List.of(
			new ScenarioResult("thread page", 16, 120_000, 30, 3.1, 12.5, 0, 0.8),
			new ScenarioResult("thread page", 64, 180_000, 30, 9.4, 48.2, 0, 0.9),
			new ScenarioResult("search <Chinese> & English", 16, 30_000, 30, 14.2, 95.0, 3, 2.4),
			new ScenarioResult("search <Chinese> & English", 64, 33_000, 30, 55.0, 1_250.0, 12, 2.6),
			new ScenarioResult("reply", 16, 9_000, 30, 40.0, 0.4, 0, 6.1));

	@Test
	void isAWellFormedStandaloneSvgDocument() throws Exception {
		String svg = BenchChart.svg("Forum bench <2026-11-30>", RESULTS);
		Element root = parse(svg).getDocumentElement();

		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getAttribute("version")).isEqualTo("1.1");
		assertThat(root.getAttribute("width")).isEqualTo("900");
		assertThat(root.getElementsByTagNameNS("*", "script").getLength()).isZero();
		assertThat(svg).doesNotContain("href", "<image", "url(", "@import");
	}

	@Test
	void namesEveryScenarioOnceInEachPanelAndEscapesItsName() throws Exception {
		String svg = BenchChart.svg("Forum bench", RESULTS);
		List<String> scenarios = texts(parse(svg), "scenario");

		assertThat(scenarios).containsExactly("thread page", "search <Chinese> & English", "reply", "thread page",
				"search <Chinese> & English", "reply");
		assertThat(svg).contains("search &lt;Chinese&gt; &amp; English").doesNotContain("<Chinese>");
	}

	@Test
	void drawsOneBarPerResultInEachPanel() throws Exception {
		Document chart = parse(BenchChart.svg("Forum bench", RESULTS));

		assertThat(bars(chart, "rps")).hasSize(RESULTS.size());
		assertThat(bars(chart, "p99")).hasSize(RESULTS.size());
	}

	@Test
	void printsTheFigureBesideEachBar() throws Exception {
		List<String> values = texts(parse(BenchChart.svg("Forum bench", RESULTS)), "value");

		assertThat(values).contains("4,000 req/s", "6,000 req/s", "1,100 req/s (12 errors)", "12.5 ms", "1,250 ms",
				"0.40 ms");
	}

	@Test
	void fasterScenariosGetLongerThroughputBarsAndSlowerOnesLongerLatencyBars() throws Exception {
		Document chart = parse(BenchChart.svg("Forum bench", RESULTS));
		List<Double> rates = widths(bars(chart, "rps"));
		List<Double> latencies = widths(bars(chart, "p99"));

		assertThat(rates.get(1)).isGreaterThan(rates.get(0)).isGreaterThan(rates.get(2));
		assertThat(latencies.get(3)).isGreaterThan(latencies.get(2)).isGreaterThan(latencies.get(0));
		assertThat(latencies.get(4)).isGreaterThanOrEqualTo(0);
	}

	@Test
	void colourOfABarTellsItsConnectionsAndTheLegendNamesThem() throws Exception {
		Document chart = parse(BenchChart.svg("Forum bench", RESULTS));
		List<Element> bars = bars(chart, "rps");

		assertThat(bars.get(0).getAttribute("fill")).isEqualTo(bars.get(2).getAttribute("fill"))
			.isNotEqualTo(bars.get(1).getAttribute("fill"));
		assertThat(texts(chart, "legend")).containsExactly("16 connections", "64 connections");
	}

	@Test
	void growsWithTheNumberOfScenarios() throws Exception {
		List<ScenarioResult> many = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			many.add(new ScenarioResult("scenario " + i, 32, 1_000L * (i + 1), 10, 1, 2, 0, 1));
		}
		double few = height(BenchChart.svg("Forum bench", RESULTS.subList(0, 2)));

		assertThat(height(BenchChart.svg("Forum bench", many))).isGreaterThan(few * 3);
	}

	@Test
	void chartsNoResultsAndNoMeasurementWithoutFailing() throws Exception {
		assertThat(parse(BenchChart.svg("Forum bench", List.of())).getDocumentElement().getLocalName())
			.isEqualTo("svg");
		Document idle = parse(BenchChart.svg("Forum bench",
				List.of(new ScenarioResult("idle", 8, 0, 0, Double.NaN, Double.NaN, 0, 0))));
		assertThat(bars(idle, "rps")).hasSize(1);
	}

	private static double height(String svg) throws Exception {
		return Double.parseDouble(parse(svg).getDocumentElement().getAttribute("height"));
	}

	private static List<Element> bars(Document chart, String kind) {
		List<Element> bars = new ArrayList<>();
		NodeList rects = chart.getElementsByTagNameNS("*", "rect");
		for (int i = 0; i < rects.getLength(); i++) {
			Element rect = (Element) rects.item(i);
			if (rect.getAttribute("class").equals(kind)) {
				bars.add(rect);
			}
		}
		return bars;
	}

	private static List<Double> widths(List<Element> bars) {
		return bars.stream().map((bar) -> Double.parseDouble(bar.getAttribute("width"))).toList();
	}

	private static List<String> texts(Document chart, String kind) {
		List<String> texts = new ArrayList<>();
		NodeList nodes = chart.getElementsByTagNameNS("*", "text");
		for (int i = 0; i < nodes.getLength(); i++) {
			Element text = (Element) nodes.item(i);
			if (text.getAttribute("class").equals(kind)) {
				texts.add(text.getTextContent());
			}
		}
		return texts;
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setExpandEntityReferences(false);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

}
