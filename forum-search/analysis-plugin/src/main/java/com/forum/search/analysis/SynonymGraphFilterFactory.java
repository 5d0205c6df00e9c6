package com.forum.search.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * The community's synonyms, at search time only, as the last filter of {@code forum_text_search}.
 * <p>
 * Rules are read through {@link ForumTextChain}, the filters before this one, so a rule says what
 * a reader would write ({@code 息屏显示}, {@code Always On Display}, {@code batteries}) and becomes the
 * terms the index holds ({@code 息屏 屏显 显示}, {@code always on display}, {@code battery}). Synonyms
 * therefore come after the CJK pairs: a Chinese word of 2 to 4 characters is a run of one to three
 * pairs, matched like a run of English words. The filter makes a graph (one word may stand for
 * three), which Elasticsearch's match query turns into phrases for the longer alternatives; a graph
 * indexed would lose its shape, hence search time only ({@link AnalysisMode#SEARCH_TIME}), and the
 * index stays the same when the list changes.
 */
@NamedComponent("forum_synonym_graph")
public final class SynonymGraphFilterFactory implements TokenFilterFactory {

	private final SynonymMap synonyms;

	@Inject
	public SynonymGraphFilterFactory(SynonymSettings settings) {
		this.synonyms = parse(String.join("\n", settings.rules()));
	}

	static SynonymMap parse(String rules) {
		try (Analyzer analyzer = ForumTextChain.analyzer()) {
			SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
			parser.parse(new StringReader(rules));
			return parser.build();
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Invalid synonym rule near line " + ex.getErrorOffset() + ": "
					+ ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return synonyms.fst == null ? tokenStream : new SynonymGraphFilter(tokenStream, synonyms, true);
	}

	@Override
	public AnalysisMode getAnalysisMode() {
		return AnalysisMode.SEARCH_TIME;
	}
}
