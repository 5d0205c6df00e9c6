package com.forum.petition;

import java.time.Instant;

import com.forum.member.MemberId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a petition's public history; written once, never changed. */
@Entity
@Table(name = "petition_history")
class HistoryEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "petition_id")
	private long petitionId;

	@Column(name = "actor_id")
	private long actorId;

	private boolean official;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status")
	private PetitionStatus fromStatus;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status")
	private PetitionStatus toStatus;

	private String response;

	private Instant at;

	protected HistoryEntry() {
	}

	HistoryEntry(PetitionId petition, MemberId actor, boolean official, PetitionStatus from, PetitionStatus to,
			String response, Instant at) {
		this.petitionId = petition.value();
		this.actorId = actor.value();
		this.official = official;
		this.fromStatus = from;
		this.toStatus = to;
		this.response = response;
		this.at = at;
	}

	MemberId actorId() {
		return new MemberId(actorId);
	}

	String response() {
		return response;
	}

	PetitionHistory view(String actorName, String responseHtml) {
		return new PetitionHistory(id == null ? 0 : id, new MemberId(actorId), actorName, official, fromStatus,
				toStatus, response, responseHtml, at);
	}
}
