package com.forum.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The text that {@code ./forum bench} posts: deterministic, varied, and what the forum accepts. */
class BenchContentTest {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

	@Test
	void theSameSeedGivesTheSameTexts() {
		assertThat(sample(new BenchContent(42), 200)).isEqualTo(sample(new BenchContent(42), 200));
	}

	@Test
	void differentSeedsGiveDifferentTexts() {
		List<String> one = sample(new BenchContent(1), 50);
		List<String> other = sample(new BenchContent(2), 50);
		long same = 0;
		for (int i = 0; i < one.size(); i++) {
			same += one.get(i).equals(other.get(i)) ? 1 : 0;
		}
		assertThat(same).isLessThan(5);
	}

	@Test
	void aboutHalfOfTheRepliesAreChinese() {
		BenchContent content = new BenchContent(7);
		long chinese = 0;
		for (int i = 0; i < 2_000; i++) {
			chinese += BenchContent.chinese(content.replyBody()) ? 1 : 0;
		}
		assertThat(chinese).isBetween(800L, 1_200L);
	}

	@Test
	void titlesAreAsLongAsTheForumAllowsAndChineseOnesShorter() {
		BenchContent content = new BenchContent(3);
		for (int i = 0; i < 5_000; i++) {
			String title = content.threadTitle();
			assertThat(title.length()).as(title).isBetween(8, BenchContent.chinese(title) ? 40 : 120);
			if (!BenchContent.chinese(title)) {
				assertThat(title.length()).as(title).isGreaterThanOrEqualTo(20);
			}
			assertThat(content.petitionTitle().length()).isBetween(10, 140);
		}
	}

	@Test
	void repliesAreMostlyShortWithSomeOneLinersAndAFewLongOnes() {
		BenchContent content = new BenchContent(11);
		int[] lengths = new int[20_000];
		int oneLiners = 0;
		int long_ = 0;
		for (int i = 0; i < lengths.length; i++) {
			String reply = content.replyBody();
			lengths[i] = reply.length();
			oneLiners += (reply.length() < 80 && reply.indexOf('\n') < 0) ? 1 : 0;
			long_ += (reply.length() >= 1_500) ? 1 : 0;
		}
		Arrays.sort(lengths);
		int median = lengths[lengths.length / 2];
		System.out.printf(Locale.ROOT, "reply length: min %d, median %d, p95 %d, max %d, one-liners %d, long %d%n",
				lengths[0], median, lengths[lengths.length * 95 / 100], lengths[lengths.length - 1], oneLiners, long_);
		assertThat(median).isBetween(150, 250);
		assertThat(oneLiners).isBetween(lengths.length / 20, lengths.length / 4);
		assertThat(long_).isBetween(lengths.length * 3 / 100, lengths.length * 7 / 100);
		assertThat(lengths[lengths.length - 1]).isLessThanOrEqualTo(8_000);
	}

	@Test
	void bodiesHaveTheirParagraphsAndNoStrayWhitespaceOrControlCharacters() {
		BenchContent content = new BenchContent(5);
		for (int i = 0; i < 2_000; i++) {
			String thread = content.threadBody();
			assertThat(paragraphs(thread)).as(thread).isBetween(1, 6 * 3);
			String petition = content.petitionBody();
			assertThat(paragraphs(petition)).as(petition).isBetween(1, 4 * 3);
			for (String text : List.of(thread, petition, content.replyBody(), content.threadTitle(),
					content.petitionTitle())) {
				assertThat(text).as(text).isNotBlank().isEqualTo(text.strip());
				assertThat(CONTROL.matcher(text).find()).as(text).isFalse();
				assertThat(text).doesNotContain("{", "}", "![");
			}
		}
	}

	@Test
	void tenThousandRepliesInARowAreAllDifferent() {
		BenchContent content = new BenchContent(13);
		Set<String> replies = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			replies.add(content.replyBody());
		}
		assertThat(replies).hasSize(10_000);
	}

	@Test
	void noTextShowsMoreThanOneLinkAndSomeShowOne() {
		BenchContent content = new BenchContent(17);
		int linked = 0;
		for (String text : sample(content, 3_000)) {
			int links = text.split("http", -1).length - 1;
			assertThat(links).as(text).isLessThanOrEqualTo(1);
			if (links == 1) {
				assertThat(text).contains("https://example.com/");
				linked++;
			}
		}
		assertThat(linked).isPositive();
	}

	@Test
	void bodiesUseTheMarkdownMembersWrite() {
		String all = String.join("\n\n", sample(new BenchContent(19), 3_000));
		assertThat(all).contains("**", "`", "\n- ", "\n1. ", "> ", "```\n");
	}

	@Test
	void englishQueriesFindGeneratedTexts() {
		BenchContent content = new BenchContent(23);
		String corpus = String.join("\n", bodies(content, 5_000)).toLowerCase(Locale.ROOT);
		List<String> queries = content.englishQueries(20);
		assertThat(queries).hasSize(20);
		for (String query : queries) {
			String[] words = query.split(" ");
			assertThat(words.length).as(query).isBetween(1, 3);
			for (String word : words) {
				assertThat(corpus).as(query).contains(word.toLowerCase(Locale.ROOT));
			}
		}
	}

	@Test
	void chineseQueriesAreShortAndFindGeneratedTexts() {
		BenchContent content = new BenchContent(29);
		String corpus = String.join("\n", bodies(content, 5_000));
		List<String> queries = content.chineseQueries(20);
		assertThat(queries).hasSize(20);
		for (String query : queries) {
			assertThat(query.replace(" ", "")).as(query).hasSizeBetween(2, 6).matches("\\p{IsHan}+");
			for (String term : query.split(" ")) {
				assertThat(corpus).as(query).contains(term);
			}
		}
	}

	@Test
	void twoHundredThousandRepliesTakeWellUnderFiveSeconds() {
		BenchContent content = new BenchContent(31);
		for (int i = 0; i < 20_000; i++) {
			content.replyBody();
		}
		long start = System.nanoTime();
		long characters = 0;
		for (int i = 0; i < 200_000; i++) {
			characters += content.replyBody().length();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "200,000 reply bodies (%,d characters) in %.2f s%n", characters, seconds);
		// Loose, since the machine may be busy: the real budget is a fraction of this.
		assertThat(seconds).isLessThan(5);
	}

	private static int paragraphs(String text) {
		return text.split("\n\n").length;
	}

	private static List<String> sample(BenchContent content, int count) {
		List<String> texts = new ArrayList<>(count * 6);
		for (int i = 0; i < count; i++) {
			texts.addAll(List.of(content.threadTitle(), content.threadBody(), content.replyBody(),
					content.petitionTitle(), content.petitionBody()));
		}
		texts.addAll(content.englishQueries(5));
		texts.addAll(content.chineseQueries(5));
		return texts;
	}

	private static List<String> bodies(BenchContent content, int count) {
		List<Supplier<String>> kinds = List.of(content::threadBody, content::replyBody, content::petitionBody);
		List<String> texts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			texts.add(kinds.get(i % kinds.size()).get());
		}
		return texts;
	}

}
