package com.forum.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** English words to their stems by Porter's algorithm (batteries and battery are batteri); see {@link ForumTextChain}. */
@NamedComponent("forum_english_stem")
public final class EnglishStemFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return ForumTextChain.stemEnglish(tokenStream);
	}
}
