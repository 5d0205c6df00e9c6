package com.forum.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import com.forum.member.MemberId;
import com.forum.shared.ReadReplicaProperties;
import com.forum.shared.ReadRouting;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A member reads their own writes although reads go to a replica that may lag: a write request
 * (anything but GET, HEAD, OPTIONS, TRACE) runs pinned to the primary, and marks its member in Redis for
 * {@code forum.datasource.replica.read-your-writes}; the member's requests within that window run pinned
 * as well. Redis rather than the session: page sessions and bearer tokens are pinned alike, a member's
 * other devices and every node see the mark, and it expires by itself. While Redis cannot answer, requests
 * run pinned (reading the primary is always right, only slower). A write answered with an error status
 * (a refusal) marks nobody. Does nothing while no replica is set.
 */
class ReadYourWrites extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

	private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String KEY = "forum:wrote:";

	private final StringRedisTemplate redis;

	private final Duration window;

	private final boolean enabled;

	ReadYourWrites(StringRedisTemplate redis, ReadReplicaProperties replica) {
		this.redis = redis;
		this.window = replica.readYourWrites();
		this.enabled = replica.enabled() && replica.readYourWrites().isPositive();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!enabled) {
			chain.doFilter(request, response);
			return;
		}
		boolean writes = !READING.contains(request.getMethod());
		MemberId member = currentMember();
		if (!writes && (member == null || !wroteLately(member))) {
			chain.doFilter(request, response);
			return;
		}
		boolean refused = false;
		try (ReadRouting.Pin pin = ReadRouting.pinToPrimary()) {
			chain.doFilter(request, response);
			refused = response.getStatus() >= 400;
		}
		finally {
			// a refused write wrote nothing (no partial writes), so there is nothing to read back: no Redis
			// round trip for it, which in a flash sale is nearly every attempt. A request that failed with an
			// exception still marks, in case it failed after its write committed.
			if (writes && !refused) {
				// the member as the request ends: one who just registered and was signed in counts too
				MemberId writer = currentMember() != null ? currentMember() : member;
				if (writer != null) {
					mark(writer);
				}
			}
		}
	}

	private boolean wroteLately(MemberId member) {
		try {
			return Boolean.TRUE.equals(redis.hasKey(KEY + member.value()));
		}
		catch (RuntimeException unavailable) {
			log.debug("Read-your-writes mark unreadable; reading from the primary", unavailable);
			return true;
		}
	}

	/** Counted from when the write ended, so a slow write still gets the whole window to replicate. */
	private void mark(MemberId member) {
		try {
			redis.opsForValue().set(KEY + member.value(), "1", window);
		}
		catch (RuntimeException unavailable) {
			log.debug("Read-your-writes mark not kept", unavailable);
		}
	}

	private static MemberId currentMember() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof MemberPrincipal principal
				? principal.memberId() : null;
	}
}
