package com.forum.petition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TitleSimilarityTest {

	/** The filler words as configured by default, bound the way the application binds them. */
	private static final PetitionProperties DEFAULTS = new Binder(new MapConfigurationPropertySource())
		.bindOrCreate("forum.petitions", PetitionProperties.class);

	private final TitleSimilarity similarity = new TitleSimilarity(DEFAULTS);

	@Test
	void identicalTitlesScoreOne() {
		assertThat(similarity.score("Dark mode for the settings app", "Dark mode for the settings app")).isEqualTo(1.0);
		assertThat(similarity.score("希望增加深色模式", "希望增加深色模式")).isEqualTo(1.0);
		assertThat(similarity.score("Please add support", "Please add support")).isEqualTo(1.0);
	}

	@Test
	void fillerWordsDoNotDriveTheMatch() {
		assertThat(similarity.score("Please add dark mode", "Dark mode")).isEqualTo(1.0);
		assertThat(similarity.score("I would like you to support dark mode please", "Dark mode")).isEqualTo(1.0);
		assertThat(similarity.score("Please add dark mode", "Please add dual SIM")).isZero();
		assertThat(similarity.score("希望增加深色模式", "深色模式")).isEqualTo(1.0);
		assertThat(similarity.score("希望增加深色模式", "希望增加双卡双待")).isZero();
		assertThat(similarity.clean("Please add an option to hide the notch")).isEqualTo("hide notch");
		assertThat(similarity.clean("希望能增加双击亮屏功能")).isEqualTo("双击亮屏");
		assertThat(similarity.clean("Please add support")).isEmpty();
	}

	@Test
	void fillersAreConfigurable() {
		TitleSimilarity strict = new TitleSimilarity(List.of("please", "求"));
		assertThat(strict.score("Please add dark mode", "Dark mode")).isLessThan(1.0);
		assertThat(strict.score("求深色模式", "深色模式")).isEqualTo(1.0);
	}

	@Test
	void chineseIsComparedByCharacterPairs() {
		assertThat(similarity.features("双击亮屏")).containsExactly("双击", "击亮", "亮屏");
		assertThat(similarity.features("增加锁")).containsExactly("锁");
		assertThat(similarity.similar("建议增加通话录音功能", "能否支持通话录音")).isTrue();
		assertThat(similarity.similar("支持通话录音", "支持屏幕录制")).isFalse();
	}

	@Test
	void mixedScriptsAndWidthsAreNormalised() {
		assertThat(similarity.features("希望支持ＥＳＩＭ！")).containsExactly("esim");
		assertThat(similarity.score("增加120Hz高刷新率", "120hz 高刷新率")).isEqualTo(1.0);
		assertThat(similarity.score("Dark-mode, please!", "dark mode")).isEqualTo(1.0);
	}

	@Test
	void pluralsAndVerbFormsMeet() {
		assertThat(similarity.score("Robot vacuum scheduling", "Robot vacuum schedules")).isEqualTo(1.0);
		assertThat(similarity.score("Hide notifications", "Hiding notification")).isEqualTo(1.0);
	}

	@Test
	void scoresStayWithinZeroAndOne() {
		assertThat(similarity.score("", "dark mode")).isZero();
		assertThat(similarity.score(null, null)).isZero();
		assertThat(similarity.score("Dark mode", "Dark mode schedule")).isCloseTo(0.8, within(1e-9));
	}

	@Test
	void findsSimilarPetitionsWithUsefulPrecisionAndRecall() throws IOException {
		List<Pair> pairs = pairs();
		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		for (Pair pair : pairs) {
			double score = similarity.score(pair.a(), pair.b());
			boolean predicted = score >= similarity.threshold();
			if (predicted && pair.similar()) {
				truePositives++;
			}
			else if (predicted) {
				falsePositives++;
				System.out.printf("  false positive %.2f: %s | %s%n", score, pair.a(), pair.b());
			}
			else if (pair.similar()) {
				falseNegatives++;
				System.out.printf("  missed         %.2f: %s | %s%n", score, pair.a(), pair.b());
			}
		}
		double precision = truePositives / (double) (truePositives + falsePositives);
		double recall = truePositives / (double) (truePositives + falseNegatives);
		System.out.printf("similar-petition detection: precision %.2f recall %.2f on %d pairs%n", precision, recall,
				pairs.size());

		assertThat(pairs).hasSizeGreaterThanOrEqualTo(60);
		assertThat(pairs.stream().filter(p -> hasCjk(p.a()) || hasCjk(p.b())).count()).isGreaterThanOrEqualTo(20);
		assertThat(precision).isGreaterThanOrEqualTo(0.8);
		assertThat(recall).isGreaterThanOrEqualTo(0.7);
	}

	private static boolean hasCjk(String text) {
		return text.codePoints().anyMatch(TitleSimilarity::isCjk);
	}

	private record Pair(boolean similar, String a, String b) {
	}

	private static List<Pair> pairs() throws IOException {
		List<Pair> pairs = new ArrayList<>();
		try (InputStream in = Objects.requireNonNull(
				TitleSimilarityTest.class.getResourceAsStream("/petition-similarity-pairs.tsv"));
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				assertThat(columns).as(line).hasSize(3);
				assertThat(columns[0]).as(line).isIn("0", "1");
				pairs.add(new Pair(columns[0].equals("1"), columns[1], columns[2]));
			}
		}
		return pairs;
	}
}
