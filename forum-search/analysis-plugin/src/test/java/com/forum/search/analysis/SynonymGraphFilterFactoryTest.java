package com.forum.search.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The community's list (config/search/synonyms.txt) as forum_text_search applies it. */
class SynonymGraphFilterFactoryTest {

	private static Analyzer search;

	@BeforeAll
	static void parseTheCommunityList() throws IOException {
		String rules;
		try (InputStream in = SynonymGraphFilterFactoryTest.class.getResourceAsStream("/config/search/synonyms.txt")) {
			rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		SynonymGraphFilterFactory synonyms = new SynonymGraphFilterFactory(() -> rules.lines().toList());
		search = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream chain = ForumTextChain.filters(tokenizer);
				return new TokenStreamComponents(tokenizer, synonyms.create(chain));
			}
		};
	}

	@AfterAll
	static void close() {
		search.close();
	}

	@Test
	void aChineseSpellingFindsTheOther() {
		assertThat(Tokens.of(search, "熄屏")).contains("熄屏", "息屏", "aod");
	}

	@Test
	void anEnglishAbbreviationBecomesAChineseWordOfFourCharacters() {
		// 息屏显示 as a path of three pairs: the match query makes it a phrase
		assertThat(Tokens.graphOf(search, "AOD")).contains("息屏@0/1", "屏显@1/1")
			.anySatisfy(t -> assertThat(t).startsWith("aod@0/"))
			.anySatisfy(t -> assertThat(t).startsWith("显示@2/"))
			.anySatisfy(t -> assertThat(t).startsWith("displai@"));
	}

	@Test
	void aMultiWordEnglishTermBecomesChinese() {
		assertThat(Tokens.of(search, "Punch holes")).contains("刘海", "挖孔", "notch", "cutout");
		assertThat(Tokens.of(search, "notches")).contains("刘海", "挖孔", "punch", "hole");
		assertThat(Tokens.of(search, "battery life")).contains("续航", "电池");
	}

	@Test
	void aThreeCharacterWordInsideASentenceIsFound() {
		assertThat(Tokens.of(search, "怎么去广告")).contains("remov", "ad", "关闭", "闭广");
	}

	@Test
	void wordsOutsideTheListPassUnchanged() {
		assertThat(Tokens.of(search, "屏幕发黄")).containsExactly("屏幕", "幕发", "发黄");
	}

	@Test
	void appliesAtSearchTimeOnly() {
		assertThat(new SynonymGraphFilterFactory(List::of).getAnalysisMode()).isEqualTo(AnalysisMode.SEARCH_TIME);
	}

	@Test
	void aMalformedRuleIsRefused() {
		assertThatThrownBy(() -> new SynonymGraphFilterFactory(() -> List.of("a => b => c")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("synonym rule");
	}
}
