package com.forum.search.internal;

import java.io.IOException;

import com.forum.petition.PetitionDetails;
import com.forum.petition.PetitionId;
import com.forum.petition.PetitionQueries;
import com.forum.petition.PetitionStatusChanged;
import com.forum.petition.PetitionSubmitted;
import com.forum.shared.DomainEvent;
import com.forum.shared.NotFoundException;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Keeps the petitions index in step with the database. Like the posts indexer it takes from the
 * event only which petition changed, reloads it and writes its current state, so repeated or
 * reordered deliveries cannot leave an old status in the index.
 */
@Component
public class PetitionIndexer {

	private final PetitionQueries petitions;

	private final PetitionIndex index;

	PetitionIndexer(PetitionQueries petitions, PetitionIndex index) {
		this.petitions = petitions;
		this.index = index;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PetitionSubmitted event) throws IOException {
		handle(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PetitionStatusChanged event) throws IOException {
		handle(event);
	}

	public void handle(DomainEvent event) throws IOException {
		PetitionId id = switch (event) {
			case PetitionSubmitted e -> e.petitionId();
			case PetitionStatusChanged e -> e.petitionId();
			default -> throw new IllegalArgumentException("Not an event for the petitions index: " + event);
		};
		PetitionDetails petition;
		try {
			petition = petitions.details(id);
		}
		catch (NotFoundException ex) {
			return; // petitions are not deleted; nothing there means nothing to index
		}
		index.put(PetitionDocument.of(petition), externalVersion(petition));
	}

	/**
	 * The petition's JPA version is not part of its public details, so the version is the moment
	 * of its last status change, in epoch milliseconds. The title never changes and the status
	 * only changes together with that moment, which moves forward with each change: a delivery
	 * that reloaded an older state carries a smaller number and Elasticsearch rejects it. Two
	 * reloads of the same state carry the same number and differ at most in the vote count.
	 */
	static long externalVersion(PetitionDetails petition) {
		return Math.max(1, petition.statusChangedAt().toEpochMilli());
	}
}
