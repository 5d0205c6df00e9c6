package com.forum.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Chinese, Japanese and Korean characters as overlapping pairs; see {@link ForumTextChain}. */
@NamedComponent("forum_cjk_bigram")
public final class CjkBigramFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return ForumTextChain.pairCjk(tokenStream);
	}
}
