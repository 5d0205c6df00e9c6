package com.forum.search.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForumTextChainTest {

	private static final Analyzer FORUM_TEXT = ForumTextChain.analyzer();

	@AfterAll
	static void close() {
		FORUM_TEXT.close();
	}

	@Test
	void pluralsAndVerbFormsShareTheirStem() {
		assertThat(Tokens.of(FORUM_TEXT, "Batteries drain")).containsExactly("batteri", "drain");
		assertThat(Tokens.of(FORUM_TEXT, "battery drained")).containsExactly("batteri", "drain");
		assertThat(Tokens.of(FORUM_TEXT, "screen flickers, flickering")).containsExactly("screen", "flicker", "flicker");
		assertThat(Tokens.of(FORUM_TEXT, "hiding hides hide")).containsOnly("hide");
	}

	@Test
	void possessivesAreDropped() {
		assertThat(Tokens.of(FORUM_TEXT, "the phone's camera")).containsExactly("the", "phone", "camera");
	}

	@Test
	void fullWidthLettersAndDigitsAreAscii() {
		assertThat(Tokens.of(FORUM_TEXT, "ＢＡＴＴＥＲＹ １２０Ｈｚ")).containsExactly("batteri", "120hz");
	}

	@Test
	void accentsAreFolded() {
		assertThat(Tokens.of(FORUM_TEXT, "Café NAÏVE résumé")).containsExactly("cafe", "naiv", "resum");
	}

	@Test
	void chineseBecomesOverlappingPairsAtConsecutivePositions() {
		assertThat(Tokens.graphOf(FORUM_TEXT, "息屏显示")).containsExactly("息屏@0/1", "屏显@1/1", "显示@2/1");
	}

	@Test
	void mixedTextKeepsEnglishWordsBetweenChinesePairs() {
		assertThat(Tokens.of(FORUM_TEXT, "小米14的AOD耗电"))
			.containsExactly("小米", "14", "的", "aod", "耗电");
	}

	@Test
	void theIndexSettingsListTheFiltersInTheChainsOrder() throws IOException {
		List<String> chain = List.of("forum_cjk_width", "lowercase", "forum_ascii_folding", "forum_english_possessive",
				"forum_english_stem", "forum_cjk_bigram");
		for (String file : List.of("posts.json", "petitions.json")) {
			String json = Files.readString(Path.of("../../config/elasticsearch", file));
			assertThat(filtersOf(json, "forum_text")).as(file + " forum_text").isEqualTo(chain);
			assertThat(filtersOf(json, "forum_text_search")).as(file + " forum_text_search")
				.startsWith(chain.toArray(String[]::new))
				.endsWith("forum_synonyms")
				.hasSize(chain.size() + 1);
		}
	}

	private static List<String> filtersOf(String json, String analyzer) {
		Matcher m = Pattern
			.compile("\"" + analyzer + "\"\\s*:\\s*\\{[^}]*\"tokenizer\"\\s*:\\s*\"standard\"[^}]*\"filter\"\\s*:\\s*\\[([^]]*)]")
			.matcher(json);
		assertThat(m.find()).as("analyzer " + analyzer + " with the standard tokenizer").isTrue();
		return Pattern.compile("\"([^\"]+)\"").matcher(m.group(1)).results().map(r -> r.group(1)).toList();
	}
}
