package com.forum.petition;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.forum.member.MemberDirectory;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads petitions as anyone may see them: lists, details, public history and the roadmap. */
@Service
@Transactional(readOnly = true)
public class PetitionQueries {

	private final Petitions petitions;

	private final HistoryEntries history;

	private final PetitionListing listing;

	private final PetitionVoting voting;

	private final MemberDirectory members;

	private final MarkdownRenderer markdown;

	PetitionQueries(Petitions petitions, HistoryEntries history, PetitionListing listing, PetitionVoting voting,
			MemberDirectory members, MarkdownRenderer markdown) {
		this.petitions = petitions;
		this.history = history;
		this.listing = listing;
		this.voting = voting;
		this.members = members;
		this.markdown = markdown;
	}

	public Page<PetitionSummary> list(PetitionFilter filter, PetitionOrder order, int page, int size) {
		return listing.list(publicFilter(filter), order, page, size).map(PetitionListing.Row::summary);
	}

	public PetitionDetails details(PetitionId id) {
		Petition p = petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		String author = members.usernames(Set.of(p.authorId())).get(p.authorId());
		return new PetitionDetails(p.id(), p.boardId(), p.title(), p.description(), p.descriptionHtml(), p.authorId(),
				author, p.deviceModel(), p.firmwareVersion(), p.tags().stream().sorted().toList(), p.status(),
				p.createdAt(), p.statusChangedAt(), p.firstResponseAt(), p.duplicateOf(), p.shippedIn(),
				(int) voting.count(id), voting.affectedDevices(id));
	}

	/**
	 * The public history, oldest first. The official words are Markdown, rendered when read: they are
	 * short, and lines written before they were rendered need no stored copy.
	 */
	public List<PetitionHistory> history(PetitionId id) {
		petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		List<HistoryEntry> entries = history.findFor(id.value());
		Map<com.forum.member.MemberId, String> names = members
			.usernames(entries.stream().map(HistoryEntry::actorId).toList());
		return entries.stream()
			.map(e -> e.view(names.get(e.actorId()), e.response() == null ? null : markdown.toSafeHtml(e.response())))
			.toList();
	}

	/** Lanes of the public roadmap: planned, in progress, and shipped lately. */
	public Map<PetitionStatus, List<PetitionSummary>> roadmap(int perLane) {
		return Map.of(PetitionStatus.PLANNED, lane(PetitionStatus.PLANNED, PetitionOrder.TOP, perLane),
				PetitionStatus.IN_PROGRESS, lane(PetitionStatus.IN_PROGRESS, PetitionOrder.TOP, perLane),
				PetitionStatus.SHIPPED, lane(PetitionStatus.SHIPPED, PetitionOrder.NEWEST, perLane));
	}

	private List<PetitionSummary> lane(PetitionStatus status, PetitionOrder order, int size) {
		return list(PetitionFilter.any().withStatuses(Set.of(status)), order, 0, size).getContent();
	}

	/**
	 * Members may filter by what is public: assignment is for the triage queue only, and a release
	 * holds, for them, only what it shipped, not what is scheduled in a draft.
	 */
	private static PetitionFilter publicFilter(PetitionFilter filter) {
		return new PetitionFilter(filter.board(),
				filter.release() == null ? filter.statuses() : Set.of(PetitionStatus.SHIPPED), filter.tag(),
				filter.olderThan(), filter.minVotes(), null, null, false, filter.release());
	}
}
