package com.forum.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void quotedTextIsAPhraseAndTheRestAreWords() {
		SearchText text = SearchText.parse("PWM \"low brightness\" flickers", 16);

		assertThat(text.phrases()).containsExactly("low brightness");
		assertThat(text.words()).containsExactly("PWM", "flickers");
	}

	@Test
	void chineseQuotesAndFullWidthSpacesWorkAsTheirAsciiCousins() {
		SearchText text = SearchText.parse("“息屏显示”\u3000关闭", 16);

		assertThat(text.phrases()).containsExactly("息屏显示");
		assertThat(text.words()).containsExactly("关闭");
	}

	@Test
	void anUnclosedQuoteLeavesFreeWords() {
		SearchText text = SearchText.parse("\"battery drain", 16);

		assertThat(text.phrases()).isEmpty();
		assertThat(text.words()).containsExactly("battery", "drain");
	}

	@Test
	void onlyLatinWordsAreOpenToTypoCorrection() {
		assertThat(SearchText.parse("屏幕 flickers 息屏AOD", 16).latinWords()).containsExactly("flickers");
	}

	@Test
	void chineseIsHighlightedByPairsOfCharactersStandingTogether() {
		assertThat(SearchText.highlightParts("息屏显示")).containsExactly("息屏", "屏显", "显示");
		assertThat(SearchText.highlightParts("屏")).containsExactly("屏");
		assertThat(SearchText.highlightParts("PWM调光")).containsExactly("PWM", "调光");
	}

	@Test
	void aQueryIsCutAtTheLimit() {
		assertThat(SearchText.parse("a b c d e", 3).words()).containsExactly("a", "b", "c");
	}
}
