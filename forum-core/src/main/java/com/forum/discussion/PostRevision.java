package com.forum.discussion;

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

/** What a post said before an edit; never changed once written. */
@Entity
@Table(name = "post_revision")
class PostRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(name = "post_kind")
	private PostKind postKind;

	@Column(name = "post_id")
	private long postId;

	private String title;

	private String body;

	@Column(name = "edited_by")
	private long editedBy;

	@Column(name = "edited_at")
	private Instant editedAt;

	protected PostRevision() {
	}

	PostRevision(PostKind postKind, long postId, String title, String body, MemberId editedBy, Instant editedAt) {
		this.postKind = postKind;
		this.postId = postId;
		this.title = title;
		this.body = body;
		this.editedBy = editedBy.value();
		this.editedAt = editedAt;
	}

	Revision view(String editorName, boolean hidden) {
		return new Revision(id == null ? 0 : id, title, body, new MemberId(editedBy), editorName, editedAt, hidden);
	}

	long id() {
		return id;
	}

	PostKind postKind() {
		return postKind;
	}

	long postId() {
		return postId;
	}

	MemberId editedBy() {
		return new MemberId(editedBy);
	}
}
