package com.forum.notification;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.forum.member.MemberId;
import com.forum.shared.InvalidInputException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each member's channel per kind of notification; a kind never chosen goes to its default channel. */
@Service
public class NotificationPreferences {

	private final NamedParameterJdbcTemplate jdbc;

	NotificationPreferences(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every kind with its channel, in the kinds' order. */
	@Transactional(readOnly = true)
	public Map<NotificationKind, NotificationChannel> of(MemberId member) {
		Map<NotificationKind, NotificationChannel> channels = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			channels.put(kind, kind.defaultChannel());
		}
		jdbc.query("select kind, channel from notification_preference where member_id = :member",
				new MapSqlParameterSource("member", member.value()),
				rs -> {
					String channel = rs.getString(2);
					NotificationKind.byId(rs.getString(1))
						.ifPresent(kind -> channels.put(kind, NotificationChannel.valueOf(channel)));
				});
		return channels;
	}

	@Transactional(readOnly = true)
	public NotificationChannel channel(MemberId member, NotificationKind kind) {
		return jdbc.query("select channel from notification_preference where member_id = :member and kind = :kind",
				new MapSqlParameterSource("member", member.value()).addValue("kind", kind.id()),
				(rs, i) -> NotificationChannel.valueOf(rs.getString(1)))
			.stream()
			.findFirst()
			.orElse(kind.defaultChannel());
	}

	/**
	 * Sets the channels named as forms and the API send them (a kind's id to a channel's id); kinds left
	 * out keep theirs. An unknown kind or channel is refused and nothing changes.
	 */
	@Transactional
	public void change(MemberId member, Map<String, String> channels) {
		Map<NotificationKind, NotificationChannel> chosen = new EnumMap<>(NotificationKind.class);
		channels.forEach((kind, channel) -> chosen.put(
				NotificationKind.byId(kind).orElseThrow(() -> new InvalidInputException("channels", "one-of",
						"unknown kind " + kind, ids(NotificationKind.values(), NotificationKind::id))),
				NotificationChannel.byId(channel).orElseThrow(() -> new InvalidInputException(entry(kind), "one-of",
						"must be one of centre, email, off", ids(NotificationChannel.values(), NotificationChannel::id)))));
		choose(member, chosen);
	}

	/** The field of one kind's channel, as the API's body names it ({@code channels.mention}). */
	private static String entry(String kind) {
		return "channels." + kind;
	}

	private static <T> String ids(T[] values, Function<T, String> id) {
		return Arrays.stream(values).map(id).collect(Collectors.joining(", "));
	}

	/** Sets the channels given; kinds left out keep theirs. */
	@Transactional
	public void choose(MemberId member, Map<NotificationKind, NotificationChannel> channels) {
		channels.forEach((kind, channel) -> jdbc.update("""
				insert into notification_preference (member_id, kind, channel) values (:member, :kind, :channel)
				on conflict (member_id, kind) do update set channel = excluded.channel""",
				new MapSqlParameterSource("member", member.value()).addValue("kind", kind.id())
					.addValue("channel", channel.name())));
	}
}
