package com.forum.search.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.IndexOperation;
import com.forum.board.BoardId;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionSnapshot;
import com.forum.petition.PetitionStatus;
import com.forum.petition.PetitionVotesCounted;
import com.forum.petition.TitleSimilarity;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PetitionIndexerTest {

	private final PetitionQueries petitions = mock();

	private final PetitionIndex index = mock();

	private final TitleSimilarity similarity = new TitleSimilarity(List.of("please", "希望"));

	private final PetitionIndexer indexer = new PetitionIndexer(petitions, index, similarity);

	@Test
	void aFoldOfManyPetitionsIsWrittenInAFewBulkRequests() throws Exception {
		when(petitions.snapshots(any())).thenAnswer(call -> call.<Collection<PetitionId>>getArgument(0)
			.stream()
			.map(id -> snapshot(id.value(), 7, 1_000 + id.value()))
			.toList());
		List<PetitionId> counted = LongStream.rangeClosed(1, 1_200).mapToObj(PetitionId::new).toList();

		indexer.handle(new PetitionVotesCounted(counted));

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<BulkOperation>> writes = ArgumentCaptor.forClass(List.class);
		verify(index, times(3)).write(writes.capture());
		assertThat(writes.getAllValues()).extracting(List::size).containsExactly(500, 500, 200);
		assertThat(writes.getAllValues().stream().flatMap(List::stream).map(BulkOperation::index).map(i -> i.id()))
			.hasSize(1_200)
			.doesNotHaveDuplicates();
	}

	@Test
	void aPetitionIsWrittenWithItsIndexVersionAsAStrictExternalVersion() {
		IndexOperation<PetitionDocument> write = PetitionIndexer.operationFor(snapshot(42, 17, 9_001), similarity)
			.index();

		assertThat(write.id()).isEqualTo("42");
		assertThat(write.version()).isEqualTo(9_001);
		// strict: the same version means the same state, so only a newer one may replace it
		assertThat(write.versionType()).isEqualTo(VersionType.External);
		assertThat(write.document().votes()).isEqualTo(17);
		assertThat(write.document().status()).isEqualTo("UNDER_REVIEW");
	}

	private static PetitionSnapshot snapshot(long id, int votes, long indexVersion) {
		Instant at = Instant.parse("2026-03-01T08:00:00Z");
		return new PetitionSnapshot(new PetitionId(id), new BoardId(2), "Petition " + id, PetitionStatus.UNDER_REVIEW,
				votes, at, at, indexVersion);
	}
}
