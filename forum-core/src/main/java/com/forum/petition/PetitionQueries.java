package com.forum.petition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.forum.board.BoardId;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.shared.MarkdownRenderer;
import com.forum.shared.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads petitions as anyone may see them: lists, details, public history and the roadmap. */
@Service
@Transactional(readOnly = true)
public class PetitionQueries {

	private static final String SNAPSHOT = """
			select id, board_id, title, status, vote_count, created_at, status_changed_at, index_version, description,
			  (select array_agg(t.tag order by t.tag) from petition_tag t where t.petition_id = p.id) tag_list,
			  (select string_agg(h.response, E'\n\n' order by h.id) from petition_history h
			   where h.petition_id = p.id and h.official and h.response is not null) official_responses
			from petition p""";

	private final Petitions petitions;

	private final HistoryEntries history;

	private final PetitionListing listing;

	private final PetitionVoting voting;

	private final MemberDirectory members;

	private final MarkdownRenderer markdown;

	private final NamedParameterJdbcTemplate jdbc;

	PetitionQueries(Petitions petitions, HistoryEntries history, PetitionListing listing, PetitionVoting voting,
			MemberDirectory members, MarkdownRenderer markdown, NamedParameterJdbcTemplate jdbc) {
		this.petitions = petitions;
		this.history = history;
		this.listing = listing;
		this.voting = voting;
		this.members = members;
		this.markdown = markdown;
		this.jdbc = jdbc;
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
	 * The backers a release note credits with the author: the earliest ones, as many as configured,
	 * the author not among them.
	 */
	public List<MemberId> creditedBackers(PetitionId id) {
		Petition p = petitions.findById(id.value()).orElseThrow(() -> new NotFoundException("petition", id));
		return voting.creditedBackers(id, p.authorId()).stream().map(PetitionVoting.CreditedBacker::id).toList();
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

	/** The petitions as read models copy them; unknown ids are left out. */
	public List<PetitionSnapshot> snapshots(Collection<PetitionId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.query(SNAPSHOT + " where p.id in (:ids)",
				new MapSqlParameterSource("ids", ids.stream().map(PetitionId::value).toList()),
				(rs, i) -> snapshot(rs));
	}

	/** Walks every petition in batches of ascending id; for rebuilding read models. */
	public void eachSnapshot(int batchSize, Consumer<List<PetitionSnapshot>> batch) {
		long after = 0;
		List<PetitionSnapshot> found;
		while (!(found = jdbc.query(SNAPSHOT + " where p.id > :after order by p.id limit :size",
				new MapSqlParameterSource("after", after).addValue("size", batchSize), (rs, i) -> snapshot(rs)))
			.isEmpty()) {
			batch.accept(found);
			after = found.get(found.size() - 1).id().value();
		}
	}

	private static PetitionSnapshot snapshot(ResultSet rs) throws SQLException {
		return new PetitionSnapshot(new PetitionId(rs.getLong("id")), new BoardId(rs.getLong("board_id")),
				rs.getString("title"), PetitionStatus.valueOf(rs.getString("status")), rs.getInt("vote_count"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("status_changed_at").toInstant(),
				rs.getLong("index_version"), rs.getString("description"), tags(rs.getArray("tag_list")),
				rs.getString("official_responses"));
	}

	private static List<String> tags(java.sql.Array tags) throws SQLException {
		return tags == null ? List.of() : List.of((String[]) tags.getArray());
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
