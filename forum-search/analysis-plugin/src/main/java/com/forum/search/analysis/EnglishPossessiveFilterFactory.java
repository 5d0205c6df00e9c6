package com.forum.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** The English possessive 's removed; see {@link ForumTextChain}. */
@NamedComponent("forum_english_possessive")
public final class EnglishPossessiveFilterFactory implements TokenFilterFactory {

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return ForumTextChain.dropPossessive(tokenStream);
	}
}
