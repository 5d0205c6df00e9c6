package com.forum.web.security;

import java.util.Collection;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberCredentials;
import com.forum.member.MemberId;
import com.forum.member.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in member, on pages and in the API alike. */
public final class MemberPrincipal implements UserDetails {

	private final MemberId id;

	private final String username;

	private final Role role;

	private final transient String passwordHash;

	MemberPrincipal(MemberId id, String username, Role role, String passwordHash) {
		this.id = id;
		this.username = username;
		this.role = role;
		this.passwordHash = passwordHash;
	}

	static MemberPrincipal of(MemberCredentials credentials) {
		return new MemberPrincipal(credentials.id(), credentials.username(), credentials.role(),
				credentials.passwordHash());
	}

	public Actor actor() {
		return new Actor(id, role);
	}

	public MemberId memberId() {
		return id;
	}

	public Role role() {
		return role;
	}

	public boolean moderates() {
		return role.moderates();
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	/** Roles become authorities ROLE_MEMBER, ROLE_MODERATOR, ROLE_EMPLOYEE, ROLE_ADMIN. */
	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
	}
}
