package com.forum.search.internal;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionResponded;
import com.forum.petition.PetitionSnapshot;
import com.forum.petition.PetitionStatusChanged;
import com.forum.petition.PetitionSubmitted;
import com.forum.petition.PetitionVotesCounted;
import com.forum.petition.TitleSimilarity;
import com.forum.shared.DomainEvent;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the petitions index in step with the database. Like the posts indexer it takes from the
 * event only which petitions changed, reloads them and writes their current state, so repeated or
 * reordered deliveries cannot leave an old status or count in the index. A fold of the votes names
 * every petition whose count moved; they are written together, one bulk request per batch.
 */
@Component
public class PetitionIndexer {

	private static final int BATCH = 500;

	private final PetitionQueries petitions;

	private final PetitionIndex index;

	private final TitleSimilarity similarity;

	PetitionIndexer(PetitionQueries petitions, PetitionIndex index, TitleSimilarity similarity) {
		this.petitions = petitions;
		this.index = index;
		this.similarity = similarity;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(PetitionSubmitted event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(PetitionStatusChanged event) throws IOException {
		handle(event);
	}

	/** Search finds petitions by their official responses too. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(PetitionResponded event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	@Async(ElasticsearchConfiguration.INDEXING_LANE)
	void on(PetitionVotesCounted event) throws IOException {
		handle(event);
	}

	public void handle(DomainEvent event) throws IOException {
		List<PetitionId> ids = switch (event) {
			case PetitionSubmitted e -> List.of(e.petitionId());
			case PetitionStatusChanged e -> List.of(e.petitionId());
			case PetitionResponded e -> List.of(e.petitionId());
			case PetitionVotesCounted e -> e.petitionIds();
			default -> throw new IllegalArgumentException("Not an event for the petitions index: " + event);
		};
		for (int from = 0; from < ids.size(); from += BATCH) {
			// petitions are not deleted; an id not found has nothing to index
			index.write(petitions.snapshots(ids.subList(from, Math.min(from + BATCH, ids.size())))
				.stream()
				.map(petition -> operationFor(petition, similarity))
				.toList());
		}
	}

	public static BulkOperation operationFor(PetitionSnapshot petition, TitleSimilarity similarity) {
		return PetitionIndex.addition(petition, similarity);
	}
}
