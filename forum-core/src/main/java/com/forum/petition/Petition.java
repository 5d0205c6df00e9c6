package com.forum.petition;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import com.forum.board.BoardId;
import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.member.Privilege;
import com.forum.shared.InvalidInputException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A suggestion and its journey. The petition guards its own workflow: only employees move it, each
 * move must be allowed from where it stands, and some moves must say why (a decline, a reopening),
 * where (a release) or what it duplicates.
 */
@Entity
@Table(name = "petition")
class Petition extends AbstractAggregateRoot<Petition> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "board_id")
	private long boardId;

	@Column(name = "author_id")
	private long authorId;

	private String title;

	private String description;

	@Column(name = "description_html")
	private String descriptionHtml;

	@Column(name = "device_model")
	private String deviceModel;

	@Column(name = "firmware_version")
	private String firmwareVersion;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "petition_tag", joinColumns = @JoinColumn(name = "petition_id"))
	@Column(name = "tag")
	private Set<String> tags = new LinkedHashSet<>();

	@Enumerated(EnumType.STRING)
	private PetitionStatus status;

	@Column(name = "status_changed_at")
	private Instant statusChangedAt;

	@Column(name = "first_response_at")
	private Instant firstResponseAt;

	@Column(name = "duplicate_of_id")
	private Long duplicateOfId;

	/** The release it ships in: scheduled while the release is a draft, shipped once it is published. */
	@Column(name = "release_id")
	private Long releaseId;

	/** The official words waiting to be published with the shipment. */
	@Column(name = "shipping_response")
	private String shippingResponse;

	@Column(name = "assignee_team")
	private String assigneeTeam;

	@Column(name = "assignee_id")
	private Long assigneeId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Petition() {
	}

	Petition(BoardId board, MemberId author, String title, String description, String descriptionHtml,
			String deviceModel, String firmwareVersion, Set<String> tags, Instant now) {
		this.boardId = board.value();
		this.authorId = author.value();
		this.title = title;
		this.description = description;
		this.descriptionHtml = descriptionHtml;
		this.deviceModel = deviceModel;
		this.firmwareVersion = firmwareVersion;
		this.tags = new LinkedHashSet<>(tags);
		this.status = PetitionStatus.SUBMITTED;
		this.statusChangedAt = now;
		this.createdAt = now;
	}

	Petition submitted() {
		registerEvent(new PetitionSubmitted(id(), authorId()));
		return this;
	}

	/**
	 * Moves the petition and returns the history line to keep. Shipping is not one of these moves: a
	 * petition ships with a release, see {@link #scheduleShipping} and {@link #ship}.
	 *
	 * @param response the official words shown with the change; required to decline or reopen
	 * @param original what a duplicate duplicates
	 */
	HistoryEntry changeStatus(Actor actor, PetitionStatus to, String response, Petition original, Instant now) {
		if (to == PetitionStatus.SHIPPED) {
			throw new IllegalArgumentException("A petition ships with a release: schedule it, then publish the release");
		}
		checkMayMove(actor, to);
		checkCanMoveTo(to);
		boolean reopening = status == PetitionStatus.DECLINED;
		if (!actor.isStaff() && !isBlank(response)) {
			throw new InvalidInputException("response", "official-words-staff", "only employees give official responses");
		}
		if ((to == PetitionStatus.DECLINED || reopening) && isBlank(response)) {
			throw new InvalidInputException("response", reopening ? "reason-to-reopen" : "reason-to-decline",
					reopening ? "reopening needs a reason" : "declining needs a reason");
		}
		if (to == PetitionStatus.DUPLICATE) {
			checkOriginal(original);
			this.duplicateOfId = original.id;
		}
		if (!to.canMoveTo(PetitionStatus.SHIPPED)) {
			// the plan changed: whatever release it was to ship in, it no longer does
			this.releaseId = null;
			this.shippingResponse = null;
		}
		return move(actor, to, response, now);
	}

	/**
	 * Puts the petition into a release still being prepared. Nothing public changes yet: the
	 * petition keeps its status, and ships (its backers hear of it) when the release is published.
	 * Scheduling it again moves it to the other release.
	 *
	 * @param response the official words to publish with the shipment; by default "Shipped in ..."
	 */
	void scheduleShipping(Actor actor, Release release, String response) {
		checkStaff(actor);
		checkCanMoveTo(PetitionStatus.SHIPPED);
		if (release == null) {
			throw new InvalidInputException("releaseId", "release-required", "shipping names the release");
		}
		release.checkOpenForChanges();
		this.releaseId = release.id().value();
		this.shippingResponse = isBlank(response) ? "Shipped in " + release.version() + "." : response.strip();
	}

	/** Ships the petition as its release is published, with the words given when it was scheduled. */
	HistoryEntry ship(Actor actor, ReleaseId release, Instant now) {
		checkStaff(actor);
		if (!release.equals(scheduledIn())) {
			throw new RuleViolationException("not-scheduled",
					"Petition " + id + " is not scheduled to ship in release " + release + ".", String.valueOf(id),
					String.valueOf(release));
		}
		checkCanMoveTo(PetitionStatus.SHIPPED);
		String response = shippingResponse;
		this.shippingResponse = null;
		return move(actor, PetitionStatus.SHIPPED, response, now);
	}

	private HistoryEntry move(Actor actor, PetitionStatus to, String response, Instant now) {
		PetitionStatus from = status;
		this.status = to;
		this.statusChangedAt = now;
		// a member helping with triage moves the petition along, but only employees answer it
		if (actor.isStaff()) {
			markAnswered(now);
		}
		String text = isBlank(response) ? null : response.strip();
		registerEvent(new PetitionStatusChanged(UUID.randomUUID(), id(), from, to, actor.id(), text));
		return new HistoryEntry(id(), actor.id(), actor.isStaff(), from, to, text, now);
	}

	/**
	 * Employees decide every move. Trusted members help: with help-triage they put a submitted petition
	 * under review, with mark-duplicates they merge a duplicate into its original; the official words
	 * stay the employees'.
	 */
	private void checkMayMove(Actor actor, PetitionStatus to) {
		if (actor.isStaff()) {
			return;
		}
		if (to == PetitionStatus.UNDER_REVIEW && status == PetitionStatus.SUBMITTED) {
			actor.require(Privilege.HELP_TRIAGE);
		}
		else if (to == PetitionStatus.DUPLICATE) {
			actor.require(Privilege.MARK_DUPLICATES);
		}
		else {
			checkStaff(actor);
		}
	}

	private void checkCanMoveTo(PetitionStatus to) {
		if (!status.canMoveTo(to)) {
			throw new RuleViolationException("transition-not-allowed",
					"A petition cannot move from " + status.label() + " to " + to.label() + ".", status.asMessage(),
					to.asMessage());
		}
	}

	/** An official response that leaves the status as it is. */
	HistoryEntry respond(Actor actor, String response, Instant now) {
		checkStaff(actor);
		if (isBlank(response)) {
			throw new InvalidInputException("response", "blank", "must not be blank");
		}
		markAnswered(now);
		registerEvent(new PetitionResponded(UUID.randomUUID(), id(), actor.id(), response.strip()));
		return new HistoryEntry(id(), actor.id(), true, status, status, response.strip(), now);
	}

	void assign(Actor actor, String team, MemberId assignee) {
		checkStaff(actor);
		this.assigneeTeam = isBlank(team) ? null : team.strip();
		this.assigneeId = assignee == null ? null : assignee.value();
	}

	/** Votes are taken while the petition is open, and also on shipped or declined ones, as a signal. */
	void checkVotable() {
		if (status == PetitionStatus.DUPLICATE) {
			throw new RuleViolationException("petition-merged",
					"This petition was merged into petition " + duplicateOfId + "; vote there.",
					String.valueOf(duplicateOfId));
		}
	}

	private void checkOriginal(Petition original) {
		if (original == null) {
			throw new InvalidInputException("duplicateOfId", "original-required",
					"marking a duplicate names the original");
		}
		if (original.id.equals(id)) {
			throw new InvalidInputException("duplicateOfId", "self-duplicate", "a petition cannot duplicate itself");
		}
		if (original.status == PetitionStatus.DUPLICATE) {
			throw new InvalidInputException("duplicateOfId", "original-is-duplicate",
					"the original is itself a duplicate of petition " + original.duplicateOfId,
					String.valueOf(original.duplicateOfId));
		}
	}

	private void markAnswered(Instant now) {
		if (firstResponseAt == null) {
			firstResponseAt = now;
		}
	}

	static void checkStaff(Actor actor) {
		if (!actor.isStaff()) {
			throw new PermissionDeniedException("triage", "Only employees may triage petitions.");
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	PetitionId id() {
		return new PetitionId(id);
	}

	BoardId boardId() {
		return new BoardId(boardId);
	}

	MemberId authorId() {
		return new MemberId(authorId);
	}

	String title() {
		return title;
	}

	String description() {
		return description;
	}

	String descriptionHtml() {
		return descriptionHtml;
	}

	String deviceModel() {
		return deviceModel;
	}

	String firmwareVersion() {
		return firmwareVersion;
	}

	Set<String> tags() {
		return Set.copyOf(tags);
	}

	PetitionStatus status() {
		return status;
	}

	Instant statusChangedAt() {
		return statusChangedAt;
	}

	Instant firstResponseAt() {
		return firstResponseAt;
	}

	PetitionId duplicateOf() {
		return duplicateOfId == null ? null : new PetitionId(duplicateOfId);
	}

	/** The (published) release the petition shipped in, if it shipped. */
	ReleaseId shippedIn() {
		return status == PetitionStatus.SHIPPED && releaseId != null ? new ReleaseId(releaseId) : null;
	}

	/** The draft release the petition is to ship in, if it is scheduled; employees' knowledge. */
	ReleaseId scheduledIn() {
		return status != PetitionStatus.SHIPPED && releaseId != null ? new ReleaseId(releaseId) : null;
	}

	String assigneeTeam() {
		return assigneeTeam;
	}

	MemberId assigneeId() {
		return assigneeId == null ? null : new MemberId(assigneeId);
	}

	Instant createdAt() {
		return createdAt;
	}

	long version() {
		return version;
	}

	java.util.Collection<Object> pendingEvents() {
		return domainEvents();
	}
}
