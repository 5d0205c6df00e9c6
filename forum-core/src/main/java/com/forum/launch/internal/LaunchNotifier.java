package com.forum.launch.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.forum.launch.LaunchWindowOpened;
import com.forum.launch.ReservationExpiring;
import com.forum.launch.ReservationPromoted;
import com.forum.member.MemberId;
import com.forum.member.MemberPreferences;
import com.forum.member.MemberSettings;
import com.forum.notification.Message;
import com.forum.notification.Notifications;
import com.forum.points.PointsProperties;

/**
 * Tells members about their launches, in the notification centre and by e-mail, each in their own
 * language: their window opened (if they asked), a waitlist slot became theirs, their reservation
 * expires soon. Keys derived from the reservation or the launch make a redelivered event tell once.
 */
@Component
class LaunchNotifier {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (VV)");

	private final Notifications notifications;

	private final MemberSettings settings;

	private final PointsProperties points;

	LaunchNotifier(Notifications notifications, MemberSettings settings, PointsProperties points) {
		this.notifications = notifications;
		this.settings = settings;
		this.points = points;
	}

	@ApplicationModuleListener
	void on(LaunchWindowOpened event) {
		tell(event.memberId(), "launch-window-open", event.launchId(), "launch:" + event.launchId() + ":window-open",
				event.product());
	}

	@ApplicationModuleListener
	void on(ReservationPromoted event) {
		tell(event.memberId(), "launch-promoted", event.launchId(),
				"launch-reservation:" + event.reservationId() + ":promoted", event.product(),
				when(event.memberId(), event.expiresAt()));
	}

	@ApplicationModuleListener
	void on(ReservationExpiring event) {
		tell(event.memberId(), "launch-expiring", event.launchId(),
				"launch-reservation:" + event.reservationId() + ":expiring", event.product(),
				when(event.memberId(), event.expiresAt()));
	}

	private void tell(MemberId member, String kind, long launch, String dedupeKey, String... args) {
		String key = "notification." + kind;
		notifications.tellByMail(member, kind, new Message(key, args), key + ".body", "/launches/" + launch, dedupeKey);
	}

	/** A moment in the member's zone (the forum's if they chose none). */
	private String when(MemberId member, Instant at) {
		MemberPreferences preferences = settings.preferences(member);
		ZoneId zone = preferences.zone() == null ? points.zone() : preferences.zone();
		return WHEN.format(at.atZone(zone));
	}
}
