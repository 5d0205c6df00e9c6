package com.forum.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The forum's text analysis, step by step, as the analyzer {@code forum_text} in
 * {@code config/elasticsearch/*.json} lists it: the {@code standard} tokenizer (one token per Chinese
 * character, typed as ideographic, and words elsewhere), then
 * <ol>
 * <li>full-width Latin and digits to their ASCII forms, half-width katakana to full width
 * ({@code ＢＡＴＴＥＲＹ} is {@code BATTERY});</li>
 * <li>lower case;</li>
 * <li>accents off ({@code café} is {@code cafe});</li>
 * <li>the English possessive {@code 's} off;</li>
 * <li>English stems by Porter's algorithm, as Elasticsearch's {@code english} analyzer does: {@code
 * batteries} and {@code battery} are {@code batteri}, {@code hiding} and {@code hides} are {@code hide}.
 * KStem, which keeps dictionary words whole, left {@code hiding} and {@code recording} apart from
 * {@code hide} and {@code record}, and similar petitions ("hide the notch", "hiding the notch") apart
 * with them; highlights show the original text either way;</li>
 * <li>overlapping pairs of Chinese (and Japanese, Korean) characters: {@code 息屏显示} is
 * {@code 息屏 屏显 显示}, at consecutive positions, so a phrase of pairs matches a run of characters.</li>
 * </ol>
 * The synonym filter reads its rules through this very chain (see {@link SynonymGraphFilterFactory}),
 * which is why it lives here once, and the plugin's tests hold the JSON to the same order.
 */
public final class ForumTextChain {

	private ForumTextChain() {
	}

	static TokenStream foldWidth(TokenStream in) {
		return new CJKWidthFilter(in);
	}

	static TokenStream foldAscii(TokenStream in) {
		return new ASCIIFoldingFilter(in);
	}

	static TokenStream dropPossessive(TokenStream in) {
		return new EnglishPossessiveFilter(in);
	}

	static TokenStream stemEnglish(TokenStream in) {
		return new PorterStemFilter(in);
	}

	/** Pairs only: a lone character between non-CJK text stays a unigram, which the filter does by itself. */
	static TokenStream pairCjk(TokenStream in) {
		return new CJKBigramFilter(in);
	}

	/** Everything after the tokenizer, in order. */
	public static TokenStream filters(TokenStream tokens) {
		TokenStream out = foldWidth(tokens);
		out = new LowerCaseFilter(out);
		out = foldAscii(out);
		out = dropPossessive(out);
		out = stemEnglish(out);
		return pairCjk(out);
	}

	/** The whole of {@code forum_text} as a Lucene analyzer: for parsing synonym rules, and for tests. */
	public static Analyzer analyzer() {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, filters(tokenizer));
			}

			@Override
			protected TokenStream normalize(String fieldName, TokenStream in) {
				return foldAscii(new LowerCaseFilter(foldWidth(in)));
			}
		};
	}
}
