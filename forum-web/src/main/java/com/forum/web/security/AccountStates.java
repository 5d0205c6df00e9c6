package com.forum.web.security;

import java.time.Duration;

import com.forum.member.AccountState;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Whether a member confirmed their address and since when their sessions hold, read on every page and
 * every write. Kept in memory for as long as bearer tokens are ({@code forum.members.token-cache-ttl}),
 * so a "sign out everywhere" or a confirmation on another node is seen within that time; this node
 * forgets a member's entry at once when it changes it.
 */
@Component
public class AccountStates {

	private final MemberDirectory members;

	private final Cache<MemberId, AccountState> states;

	AccountStates(MemberDirectory members, MemberProperties properties) {
		this.members = members;
		Duration ttl = properties.tokenCacheTtl();
		this.states = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
	}

	public AccountState of(MemberId member) {
		return states == null ? members.account(member) : states.get(member, members::account);
	}

	/** This node changed the member's account: read it afresh next time. */
	public void forget(MemberId member) {
		if (states != null) {
			states.invalidate(member);
		}
	}
}
