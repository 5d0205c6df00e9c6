package com.forum.member;

import java.time.Instant;

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

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Member() {
	}

	Member(String username, String email, String passwordHash, Role role, Instant createdAt) {
		this.username = username;
		this.email = email;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = createdAt;
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
