package com.forum.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import com.forum.member.LanguageProperties;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.notification.Message;
import com.forum.points.VotesReversed;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the members of a serial-voting case why likes and votes were reversed: the one they boosted
 * what was taken back, and each booster that their votes no longer count. One notification per member
 * and case (a redelivered event adds nothing), rendered in each reader's language.
 */
@Component
class SerialVotingNotifier {

	private final MemberDirectory members;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final MessageSource messages;

	private final LanguageProperties languages;

	SerialVotingNotifier(MemberDirectory members, NamedParameterJdbcTemplate jdbc, Clock clock, MessageSource messages,
			LanguageProperties languages) {
		this.members = members;
		this.jdbc = jdbc;
		this.clock = clock;
		this.messages = messages;
		this.languages = languages;
	}

	@ApplicationModuleListener
	void on(VotesReversed e) {
		Map<MemberId, String> names = members.usernames(
				Stream.concat(Stream.of(e.target()), e.sources().stream()).toList());
		String target = names.getOrDefault(e.target(), "#" + e.target().value());
		String pattern = e.pattern().name();
		notify(e.target(), names, "notification.votes-reversed",
				new String[] { String.valueOf(e.pointsReversed()), String.valueOf(e.reputationReversed()),
						String.valueOf(e.sources().size()), String.valueOf(e.windowDays()) },
				"notification.votes-reversed.body." + pattern, "votes-reversed:" + e.caseId());
		for (MemberId source : e.sources()) {
			notify(source, names, "notification.own-votes-reversed",
					new String[] { target, String.valueOf(e.windowDays()) },
					"notification.own-votes-reversed.body." + pattern, "votes-reversed:" + e.caseId());
		}
	}

	private void notify(MemberId recipient, Map<MemberId, String> names, String titleKey, String[] arguments, String bodyKey,
			String dedupeKey) {
		Message title = new Message(titleKey, arguments);
		Message body = new Message(bodyKey, arguments);
		String name = names.get(recipient);
		jdbc.update("""
				insert into notification (recipient_id, kind, title, body, message_key, message_args, body_key, link,
				                          dedupe_key, created_at)
				values (:recipient, 'votes-reversed', :title, :body, :titleKey, :arguments, :bodyKey, :link, :key, :now)
				on conflict (recipient_id, dedupe_key) do nothing""",
				new MapSqlParameterSource("recipient", recipient.value())
					.addValue("title", title.render(messages, languages.fallback()))
					.addValue("body", body.render(messages, languages.fallback()))
					.addValue("titleKey", titleKey)
					.addValue("arguments", arguments)
					.addValue("bodyKey", bodyKey)
					// the member's profile, where their reputation and level show
					.addValue("link", name == null ? "/" : "/members/" + name)
					.addValue("key", dedupeKey)
					.addValue("now", Timestamp.from(clock.instant())));
	}
}
