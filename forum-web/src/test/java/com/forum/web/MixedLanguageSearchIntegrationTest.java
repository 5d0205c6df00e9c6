package com.forum.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import com.forum.board.BoardCatalog;
import com.forum.member.Actor;
import com.forum.member.MemberRegistration;
import com.forum.member.Role;
import com.forum.petition.PetitionDraft;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionSubmission;
import com.forum.search.Reindexer;
import com.forum.search.SimilarPetition;
import com.forum.search.SimilarPetitions;
import com.forum.search.internal.PetitionIndex;
import com.forum.web.ApiClient.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forum's analysis (our Elasticsearch plugin: forum_text, forum_text_search and the community's
 * synonyms) through the real index and the search API. Each thread carries a made-up marker word in
 * its title and body and each query adds it, so only that thread can answer.
 */
@IntegrationTest
class MixedLanguageSearchIntegrationTest {

	private static final Duration INDEXING = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	MemberRegistration registration;

	@Autowired
	PetitionSubmission submission;

	@Autowired
	BoardCatalog boards;

	@Autowired
	SimilarPetitions similar;

	@Autowired
	PetitionIndex petitions;

	@Autowired
	Reindexer reindexer;

	@Autowired
	ElasticsearchClient elasticsearch;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void englishFormsCaseWidthAndAccentsFindTheSameWords() {
		Member author = api.newMember("author");
		String marker = marker();
		long thread = post(author, "Battery drains overnight " + marker, "Since the update, even at the café. " + marker);

		Await.until(INDEXING, () -> finds("battery " + marker, thread));
		assertThat(finds("batteries " + marker, thread)).as("plural").isTrue();
		assertThat(finds("Batteries " + marker, thread)).as("capitalised").isTrue();
		assertThat(finds("ＢＡＴＴＥＲＹ " + marker, thread)).as("full width").isTrue();
		assertThat(finds("drained " + marker, thread)).as("past tense").isTrue();
		assertThat(finds("cafe " + marker, thread)).as("without the accent").isTrue();
		assertThat(finds("café " + marker, thread)).as("with the accent").isTrue();
		assertThat(finds("camera " + marker, thread)).as("a word it lacks").isFalse();
	}

	@Test
	void theCommunitysSynonymsFindEachOtherAcrossLanguages() {
		Member author = api.newMember("author");
		String marker = marker();
		long screenOff = post(author, "息屏时间太短 " + marker, "每次几秒就灭了。");
		long alwaysOn = post(author, "息屏显示不亮 " + marker, "升级以后就没有了。");
		long notch = post(author, "How do I hide the notch? " + marker, "Apps draw around it.");

		Await.until(INDEXING, () -> finds("息屏 " + marker, screenOff) && finds("notch " + marker, notch));
		assertThat(finds("熄屏 " + marker, screenOff)).as("熄屏 finds 息屏").isTrue();
		assertThat(finds("AOD " + marker, alwaysOn)).as("AOD finds 息屏显示").isTrue();
		assertThat(finds("always on display " + marker, alwaysOn)).as("the English words find 息屏显示").isTrue();
		assertThat(finds("刘海 " + marker, notch)).as("刘海 finds notch").isTrue();
		assertThat(finds("punch hole " + marker, notch)).as("punch hole finds notch").isTrue();
		assertThat(finds("去广告 " + marker, notch)).as("an unrelated synonym").isFalse();
	}

	@Test
	void aChineseQueryFindsItsWordsInOtherSentencesOfTheText() {
		Member author = api.newMember("author");
		String marker = marker();
		long thread = post(author, "新手机用了三个月 " + marker, "屏幕一直很好。可是最近边缘开始发黄了，不知道是不是烧屏。" + marker);

		Await.until(INDEXING, () -> finds("三个月 " + marker, thread));
		assertThat(finds("屏幕发黄 " + marker, thread)).isTrue();
		assertThat(finds("屏幕边缘发黄 " + marker, thread)).isTrue();
		assertThat(finds("相机对焦 " + marker, thread)).as("other words").isFalse();
	}

	@Test
	void similarPetitionsMatchAChineseRewordingWithSynonymsButNotFillersAlone() {
		Actor member = actor();
		var board = boards.get("hyperos").id();
		PetitionId lunarCalendar = submission.submit(member,
				new PetitionDraft(board, "希望增加息屏显示农历", "Details of the lunar calendar.", null, null, Set.of()));
		PetitionId recording = submission.submit(member,
				new PetitionDraft(board, "希望增加通话录音功能", "Details of call recording.", null, null, Set.of()));

		Await.until(INDEXING, () -> ids(similar.find("熄屏显示能不能加上农历", 5)).contains(lunarCalendar));
		assertThat(ids(similar.find("农历 AOD", 5))).as("English synonym, other order").contains(lunarCalendar);
		assertThat(ids(similar.find("熄屏显示能不能加上农历", 5))).doesNotContain(recording);
		assertThat(ids(similar.find("希望增加通话降噪功能", 5))).as("same fillers, other ask").doesNotContain(recording,
				lunarCalendar);
		assertThat(similar.find("希望能不能增加一个", 5)).isEmpty();
	}

	@Test
	void anIndexBuiltFromAnotherDefinitionIsRebuiltAndSwappedIn() throws IOException {
		Actor member = actor();
		PetitionId petition = submission.submit(member, new PetitionDraft(boards.get("hyperos").id(),
				"Lock screen clock styles " + marker(), "More clock faces.", null, null, Set.of()));
		Await.until(INDEXING, () -> ids(similar.find("Lock screen clock styles", 20)).contains(petition));
		String before = behindAlias();
		// what an index made by an older version of the analysis or the synonym list records
		elasticsearch.indices().putMapping(m -> m.index(before).meta("definition", JsonData.of("an older one")));

		List<String> rebuilt = reindexer.rebuildOutdatedIndexes();

		assertThat(rebuilt).singleElement().isNotEqualTo(before).isEqualTo(behindAlias());
		assertThat(elasticsearch.indices().getMapping(m -> m.index(petitions.alias())).mappings().values())
			.singleElement()
			.satisfies(index -> assertThat(index.mappings().meta().get("definition").to(String.class))
				.isNotEqualTo("an older one"));
		assertThat(ids(similar.find("Lock screen clock styles", 20))).contains(petition);
		assertThat(reindexer.rebuildOutdatedIndexes()).as("nothing left to rebuild").isEmpty();
	}

	private String behindAlias() throws IOException {
		return elasticsearch.indices().getAlias(a -> a.name(petitions.alias())).aliases().keySet().iterator().next();
	}

	private boolean finds(String query, long threadId) {
		JsonNode items = api.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), null)
			.json()
			.get("items");
		for (JsonNode item : items) {
			if (item.get("threadId").asLong() == threadId) {
				return true;
			}
		}
		return false;
	}

	private long post(Member author, String title, String body) {
		return api.post("/api/v1/threads", Map.of("boardId", boardId("hyperos"), "title", title, "body", body),
				author.token())
			.json()
			.get("id")
			.asLong();
	}

	private long boardId(String slug) {
		return api.get("/api/v1/boards/" + slug, null).json().get("id").asLong();
	}

	private Actor actor() {
		String username = "fan" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return new Actor(registration.register(username, username + "@example.com", "correct horse battery",
				Role.MEMBER), Role.MEMBER);
	}

	/** Letters only, as a word of its own to the tokenizer, and found nowhere else. */
	private static String marker() {
		StringBuilder marker = new StringBuilder("zm");
		ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> marker.append((char) c));
		return marker.toString();
	}

	private static List<PetitionId> ids(List<SimilarPetition> found) {
		return found.stream().map(SimilarPetition::petitionId).toList();
	}
}
