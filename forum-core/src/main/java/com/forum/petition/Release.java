package com.forum.petition;

import java.time.Instant;

import com.forum.member.Actor;
import com.forum.member.MemberId;
import com.forum.shared.RuleViolationException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A firmware or product release. While a draft it takes petitions to ship, seen by employees only;
 * once published it is public and what it shipped is fixed.
 */
@Entity
@Table(name = "release")
class Release extends AbstractAggregateRoot<Release> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String version;

	@Column(name = "release_at")
	private Instant releaseAt;

	private String notes;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "created_by")
	private long createdBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	@Column(name = "version_lock")
	private long lock;

	protected Release() {
	}

	Release(String version, Instant releaseAt, String notes, MemberId createdBy, Instant now) {
		this.version = version;
		this.releaseAt = releaseAt;
		this.notes = notes;
		this.createdBy = createdBy.value();
		this.createdAt = now;
	}

	void publish(Actor actor, Instant now) {
		Petition.checkStaff(actor);
		checkOpenForChanges();
		this.publishedAt = now;
		registerEvent(new ReleasePublished(id(), actor.id()));
	}

	/** A draft is for employees; the public meets a release when it is published. */
	boolean isVisibleTo(Actor viewer) {
		return publishedAt != null || draftsVisibleTo(viewer);
	}

	/** @param viewer who is looking; null for a visitor who is not signed in */
	static boolean draftsVisibleTo(Actor viewer) {
		return viewer != null && viewer.isStaff();
	}

	void checkOpenForChanges() {
		if (publishedAt != null) {
			throw new RuleViolationException("release-published", "Release " + version + " is published already.",
					version);
		}
	}

	ReleaseId id() {
		return new ReleaseId(id);
	}

	String version() {
		return version;
	}

	Instant releaseAt() {
		return releaseAt;
	}

	String notes() {
		return notes;
	}

	Instant publishedAt() {
		return publishedAt;
	}
}
