package com.forum.web.searchquality;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The judged sets keep the shape the issue asks for, and every judgment names a thread that exists. */
class SearchQualitySetTest {

	@Test
	void everyJudgedThreadIsAHandWrittenOneAndEveryQueryHasAThreadItSeeks() {
		Set<String> keys = SearchQualityCorpus.handWritten().stream().map(CorpusThread::key).collect(Collectors.toSet());
		List<JudgedQuery> queries = JudgedQuery.load();
		assertThat(queries).hasSizeGreaterThanOrEqualTo(80);
		assertThat(queries.stream().filter(q -> q.language().equals("zh")).count()).isGreaterThanOrEqualTo(queries.size() / 2);
		assertThat(queries).extracting(JudgedQuery::id).doesNotHaveDuplicates();
		for (JudgedQuery query : queries) {
			assertThat(keys).as(query.id()).containsAll(query.grades().keySet());
			assertThat(query.grades().values()).as(query.id()).allMatch(g -> g >= 1 && g <= 3).contains(3);
		}
	}

	@Test
	void theHandWrittenThreadsHaveUniqueKeysKnownBoardsAndReplies() {
		List<CorpusThread> threads = SearchQualityCorpus.handWritten();
		assertThat(threads).extracting(CorpusThread::key).doesNotHaveDuplicates();
		assertThat(threads).extracting(CorpusThread::board)
			.allMatch(Set.of("xiaomi-17", "hyperos", "smart-home", "support")::contains);
		assertThat(threads).allMatch(t -> !t.title().isBlank() && !t.body().isBlank() && !t.replies().isEmpty());
	}

	@Test
	void theSameSeedGeneratesTheSameThreadsAndEveryFamilyTakesPart() {
		List<CorpusThread> first = SearchQualityCorpus.generated(200, 7);
		assertThat(SearchQualityCorpus.generated(200, 7)).isEqualTo(first);
		assertThat(SearchQualityCorpus.generated(200, 8)).isNotEqualTo(first);
		assertThat(first).extracting(CorpusThread::key).doesNotHaveDuplicates();
		assertThat(first.stream().map(t -> t.key().substring(0, t.key().lastIndexOf('-'))).distinct()).hasSize(14);
		assertThat(first).allMatch(t -> !t.title().contains("{") && !t.body().contains("{"));
	}

	@Test
	void petitionPairsAreHalfChineseBothWaysLabelledAndNameExistingPetitions() {
		List<PetitionPair> pairs = PetitionPair.load();
		Map<String, String> existing = PetitionPair.existingTitles();
		assertThat(pairs).hasSizeGreaterThanOrEqualTo(100);
		assertThat(pairs.stream().filter(p -> p.language().equals("zh")).count()).isGreaterThanOrEqualTo(50);
		assertThat(pairs).allMatch(p -> existing.containsKey(p.existing()));
		Map<Boolean, Long> labels = pairs.stream()
			.collect(Collectors.groupingBy(PetitionPair::duplicate, Collectors.counting()));
		assertThat(labels.get(true)).isGreaterThanOrEqualTo(40);
		assertThat(labels.get(false)).isGreaterThanOrEqualTo(40);
		assertThat(pairs.stream().collect(Collectors.groupingBy(PetitionPair::kind, Collectors.counting())))
			.containsOnlyKeys("reword", "order", "synonym", "filler", "area");
		assertThat(existing.values().stream().collect(Collectors.toMap(Function.identity(), t -> 1, Integer::sum)))
			.allSatisfy((title, count) -> assertThat(count).as(title).isOne());
	}

	@Test
	void heldOutPairsAreFortyHalfChineseAndApartFromTheTuningPairs() {
		List<PetitionPair> heldOut = PetitionPair.loadHeldOut();
		assertThat(heldOut).hasSize(40);
		assertThat(heldOut.stream().filter(p -> p.language().equals("zh")).count()).isEqualTo(20);
		assertThat(heldOut).allMatch(p -> PetitionPair.existingTitles().containsKey(p.existing()));
		assertThat(heldOut.stream().map(PetitionPair::title))
			.doesNotContainAnyElementsOf(PetitionPair.load().stream().map(PetitionPair::title).toList());
		assertThat(heldOut.stream().filter(PetitionPair::duplicate).count()).isBetween(15L, 25L);
	}
}
