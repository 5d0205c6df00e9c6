package com.forum.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Letters with accents and other marks to their ASCII base; see {@link ForumTextChain}. */
@NamedComponent("forum_ascii_folding")
public final class AsciiFoldingFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return ForumTextChain.foldAscii(tokenStream);
	}

	/** Also for normalizers, prefix and wildcard terms: folding a single term needs no context. */
	@Override
	public TokenStream normalize(TokenStream tokenStream) {
		return ForumTextChain.foldAscii(tokenStream);
	}
}
