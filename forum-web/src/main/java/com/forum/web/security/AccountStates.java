package com.forum.web.security;

import java.time.Duration;

import com.forum.member.AccountState;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.member.MemberProperties;
import com.forum.shared.NodeCaches;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Whether a member confirmed their address and since when their sessions hold, read on every page and
 * every write. Kept in memory for as long as bearer tokens are ({@code forum.members.token-cache-ttl});
 * a change ("sign out everywhere", a new password, a confirmation) is forgotten on every node as soon as
 * it is announced ({@link NodeCaches}), and a node that missed the announcement sees it within that time.
 */
@Component
public class AccountStates {

	/** The node cache of account states, by member id. */
	static final String NODE_CACHE = "account-states";

	private final MemberDirectory members;

	private final Cache<MemberId, AccountState> states;

	private final NodeCaches nodeCaches;

	AccountStates(MemberDirectory members, MemberProperties properties, NodeCaches nodeCaches) {
		this.members = members;
		this.nodeCaches = nodeCaches;
		Duration ttl = properties.tokenCacheTtl();
		this.states = ttl.isZero() ? null : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
		if (states != null) {
			nodeCaches.register(NODE_CACHE, member -> states.invalidate(new MemberId(Long.parseLong(member))),
					states::invalidateAll);
		}
	}

	public AccountState of(MemberId member) {
		return states == null ? members.account(member) : states.get(member, members::account);
	}

	/** The member's account changed (and the change is committed): every node reads it afresh next time. */
	public void forget(MemberId member) {
		if (states != null) {
			nodeCaches.evict(NODE_CACHE, member.toString());
		}
	}
}
