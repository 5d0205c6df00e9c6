package com.forum.web.security;

import java.util.Collection;
import java.util.List;

import com.forum.member.Actor;
import com.forum.member.MemberCredentials;
import com.forum.member.MemberId;
import com.forum.member.MemberPreferences;
import com.forum.member.Role;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member, on pages and in the API alike. A page session keeps it in Redis (Java
 * serialization): the password hash and the preferences are not stored with it.
 */
public final class MemberPrincipal implements UserDetails {

	private static final long serialVersionUID = 1L;

	private final MemberId id;

	private final String username;

	private final Role role;

	private final transient String passwordHash;

	/** The language and zone when they came with the credentials (a bearer token), else null. */
	private final transient MemberPreferences preferences;

	MemberPrincipal(MemberId id, String username, Role role, String passwordHash) {
		this(id, username, role, passwordHash, null);
	}

	MemberPrincipal(MemberId id, String username, Role role, String passwordHash, MemberPreferences preferences) {
		this.id = id;
		this.username = username;
		this.role = role;
		this.passwordHash = passwordHash;
		this.preferences = preferences;
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

	/**
	 * The member's language and zone as read with their bearer token, or null when they signed in on
	 * the pages: a session lives long, so pages read the current choice instead.
	 */
	public MemberPreferences knownPreferences() {
		return preferences;
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
