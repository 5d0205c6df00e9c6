package com.forum.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/** What an analyzer makes of a text, read straight off its token stream. */
record Tokens(List<String> terms, List<String> graph) {

	/** The terms in order. */
	static List<String> of(Analyzer analyzer, String text) {
		return read(analyzer, text).terms();
	}

	/** Each term with its position and how many positions it spans: "term@position/length". */
	static List<String> graphOf(Analyzer analyzer, String text) {
		return read(analyzer, text).graph();
	}

	private static Tokens read(Analyzer analyzer, String text) {
		List<String> terms = new ArrayList<>();
		List<String> graph = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
			PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
			stream.reset();
			int position = -1;
			while (stream.incrementToken()) {
				position += increment.getPositionIncrement();
				terms.add(term.toString());
				graph.add(term + "@" + position + "/" + length.getPositionLength());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Tokens(terms, graph);
	}
}
