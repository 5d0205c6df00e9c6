package com.forum.reputation.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.forum.discussion.FlagReason;
import com.forum.discussion.OpenFlag;
import com.forum.discussion.PostFlagged;
import com.forum.discussion.PostModeration;
import com.forum.reputation.Reputation;
import com.forum.reputation.TrustedFlagsProperties;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hides a post pending review once enough trusted members flagged it, so spam leaves readers' sight
 * before a moderator gets to it. The flags are counted again on every delivery, so a repeated event
 * or flags arriving together hide it once; its most given reason is the one its author is told.
 */
@Component
class TrustedFlags {

	private final PostModeration moderation;

	private final Reputation reputation;

	private final TrustedFlagsProperties properties;

	TrustedFlags(PostModeration moderation, Reputation reputation, TrustedFlagsProperties properties) {
		this.moderation = moderation;
		this.reputation = reputation;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(PostFlagged flagged) {
		List<OpenFlag> trusted = moderation.openFlags(flagged.kind(), flagged.postId())
			.stream()
			.filter(flag -> reputation.of(flag.flaggerId()) >= properties.reputation())
			.toList();
		if (trusted.size() < properties.count()) {
			return;
		}
		Map<FlagReason, Long> reasons = trusted.stream()
			.collect(Collectors.groupingBy(OpenFlag::reason, Collectors.counting()));
		FlagReason reason = reasons.entrySet()
			.stream()
			.max(Map.Entry.<FlagReason, Long>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.map(Map.Entry::getKey)
			.orElseThrow();
		moderation.hideByFlags(flagged.kind(), flagged.postId(), trusted.getLast().flaggerId(), reason);
	}
}
