package com.forum.web.browser;

import java.time.Duration;

import com.forum.web.ApiClient.Member;
import com.forum.web.Await;
import com.forum.web.ConcurrentIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.forum.web.Browser.enc;
import static org.assertj.core.api.Assertions.assertThat;

/** Searching as a visitor: a title suggested while typing, a type filter and a facet, "did you mean". */
@ConcurrentIntegrationTest
class SearchJourneysTest extends JourneyTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "en", "zh-CN" })
	void aVisitorSearchesNarrowsAndFollowsASuggestion(String language) {
		Member author = member("searcher");
		boolean zh = language.startsWith("zh");
		// twelve letters with no vowels: no word lies within the two typos a long word is forgiven
		String marker = zh ? chineseMarker() : (marker() + marker()).replaceAll("[aeiouy]", "x");
		// five letters no word holds: a two-letter slip is beyond typo tolerance, within the correction
		String rare = "q" + marker().substring(0, 4).replaceAll("[aeiouy]", "k");
		String title = (zh ? "夜间屏幕闪烁" : "Screen flickers at night ") + marker;
		long thread = thread(author, TALK, title, (zh ? "低亮度下 PWM 调光闪烁 " : "PWM dimming at low brightness ") + rare);
		long petition = petition(author, (zh ? "希望提供高频调光 " : "High-frequency dimming, please ") + marker,
				zh ? "减少低亮度闪烁。" : "Less flicker at low brightness.", "dimming");
		Await.until(Duration.ofSeconds(20),
				() -> api.get("/api/v1/search?q=" + enc(marker), null).json().get("totalItems").asLong() == 2);

		Journey j = journey("search", language).open("/search");
		j.type("#q", zh ? marker.substring(0, 2) : marker.substring(0, 5));
		j.find("#q-suggestions a[href='/threads/" + thread + "']");
		assertThat(j.text("#q-suggestions")).contains(title);

		j.type("#q", marker).submit("form.search-box");
		assertThat(j.all(".hits .hit")).hasSize(2);
		j.axe("search results");
		j.click("#facet-type a[data-type='petition']");
		assertThat(j.all(".hits .hit")).hasSize(1);
		assertThat(j.find(".hits .hit a[href='/petitions/" + petition + "']")).isNotNull();
		assertThat(j.text("#facet-type a[aria-current='true']")).contains(j.say("Petitions", "建议"));
		j.click("#facet-time a[href*='time=day']");
		assertThat(j.all(".hits .hit")).hasSize(1);
		assertThat(j.text("#facet-time a[aria-current='true']")).contains(j.say("Past day", "一天内"));

		String slip = rare.substring(0, 2) + "y" + rare.charAt(3) + "y";
		j.open("/search?q=" + enc(slip));
		// the slip finds nothing as typed, so the correction's results are shown, saying so
		assertThat(j.text("#did-you-mean")).contains(j.say("Showing results for", "已显示以下搜索词的结果"))
			.contains(rare);
		assertThat(j.find(".hits .hit a[href='/threads/" + thread + "']")).isNotNull();
		j.axe("corrected search").screenshot("did-you-mean");
		j.click("#did-you-mean a");
		assertThat(j.find(".hits .hit a[href='/threads/" + thread + "']")).isNotNull();
	}
}
