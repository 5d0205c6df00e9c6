package com.forum.member;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(name = "member")
class Member extends AbstractAggregateRoot<Member> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	/** The key the name is found and kept unique by ({@link NameFolding#fold}). */
	@Column(name = "username_folded")
	private String usernameFolded;

	/** What the name looks like ({@link NameFolding#skeleton}); unique, so no look-alike registers. */
	@Column(name = "username_skeleton")
	private String usernameSkeleton;

	/** Kept folded, so it is found and kept unique however it is typed. */
	private String email;

	/** Null while a member who signed up has not followed the link mailed to them. */
	@Column(name = "email_confirmed_at")
	private Instant emailConfirmedAt;

	/** Sessions and bearer tokens begun before this instant are over. */
	@Column(name = "signed_out_at")
	private Instant signedOutAt;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "created_at")
	private Instant createdAt;

	/** A BCP 47 tag, null until the member (or their browser at sign-up) chose one. */
	private String language;

	/** An IANA zone id, null until the member chose one. */
	@Column(name = "time_zone")
	private String timeZone;

	/** Markdown shown on the profile, null until written. */
	private String bio;

	/** One line of plain text under the member's posts, null until written. */
	private String signature;

	/** One of the configured devices ({@code forum.profile-fields.devices}), null until chosen. */
	private String device;

	@Version
	private long version;

	protected Member() {
	}

	Member(String username, String email, String passwordHash, Role role, Instant createdAt) {
		this.username = NameFolding.display(username);
		this.usernameFolded = NameFolding.fold(username);
		this.usernameSkeleton = NameFolding.skeleton(username);
		this.email = NameFolding.fold(email);
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
	}

	/** The address was shown to be theirs (or needed no proof); idempotent. */
	Member confirmEmail(Instant at) {
		if (emailConfirmedAt == null) {
			emailConfirmedAt = at;
			registerEvent(new MemberEmailConfirmed(id()));
		}
		return this;
	}

	boolean emailConfirmed() {
		return emailConfirmedAt != null;
	}

	void changePassword(String newHash) {
		this.passwordHash = newHash;
	}

	/** Ends every session and token begun before now. */
	void signOutEverywhere(Instant at) {
		this.signedOutAt = at;
	}

	Instant signedOutAt() {
		return signedOutAt;
	}

	MemberPreferences preferences() {
		return new MemberPreferences(language == null ? null : Locale.forLanguageTag(language),
				timeZone == null ? null : ZoneId.of(timeZone));
	}

	void speak(Locale language) {
		this.language = language == null ? null : language.toLanguageTag();
	}

	void liveIn(ZoneId zone) {
		this.timeZone = zone == null ? null : zone.getId();
	}

	/** What the member says of themselves; each checked by {@link MemberProfiles}, null for none. */
	Member describe(String bio, String signature, String device) {
		this.bio = bio;
		this.signature = signature;
		this.device = device;
		registerEvent(new ProfileDescribed(id()));
		return this;
	}

	String bio() {
		return bio;
	}

	Member registered() {
		registerEvent(new MemberRegistered(id()));
		return this;
	}

	MemberId id() {
		return new MemberId(id);
	}

	String username() {
		return username;
	}

	String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	Role role() {
		return role;
	}

	Instant createdAt() {
		return createdAt;
	}
}
