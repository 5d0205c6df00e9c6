package com.forum.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Full-width Latin letters and digits to ASCII, half-width katakana to full width; see {@link ForumTextChain}. */
@NamedComponent("forum_cjk_width")
public final class CjkWidthFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return ForumTextChain.foldWidth(tokenStream);
	}

	/** Also for normalizers, prefix and wildcard terms: folding a single term needs no context. */
	@Override
	public TokenStream normalize(TokenStream tokenStream) {
		return ForumTextChain.foldWidth(tokenStream);
	}
}
