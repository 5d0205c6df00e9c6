package com.forum.notification.internal;

import java.util.Locale;

import com.forum.member.LanguageProperties;
import com.forum.member.MemberSettings;
import com.forum.notification.Message;
import com.forum.notification.Notifications;
import com.forum.points.PointsAdjusted;
import com.forum.points.PointsShop;
import com.forum.points.Redemption;
import com.forum.points.RedemptionSettled;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells members what happened to their points when they did not do it themselves at the moment it
 * happened: a redemption fulfilled (with its code, to its owner only), cancelled or expired (the points
 * given back), an admin's adjustment with its reason. Each notification links to the points page and
 * is keyed by the redemption and its outcome or by the ledger entry, so a redelivered event adds nothing.
 */
@Component
class PointsNotifier {

	private static final String LINK = "/points";

	private final PointsShop shop;

	private final Notifications notifications;

	private final MemberSettings settings;

	private final LanguageProperties languages;

	PointsNotifier(PointsShop shop, Notifications notifications, MemberSettings settings,
			LanguageProperties languages) {
		this.shop = shop;
		this.notifications = notifications;
		this.settings = settings;
		this.languages = languages;
	}

	/**
	 * The arguments are the item's title, the price and the code (empty when the item has none). The
	 * words follow the reader's language; the item's title, which admins write in each language, is the
	 * one of the language the member chose (the forum's first language if they chose none).
	 */
	@ApplicationModuleListener
	void on(RedemptionSettled event) {
		Redemption redemption = shop.redemption(event.redemptionId());
		Locale chosen = settings.preferences(redemption.member()).language();
		String outcome = event.state().name().toLowerCase(Locale.ROOT);
		String key = "notification.redemption-" + outcome;
		String bodyKey = redemption.code() == null ? key + ".body" : key + ".body-code";
		notifications.tell(redemption.member(), "redemption-" + outcome,
				new Message(key, redemption.itemTitle(chosen == null ? languages.fallback() : chosen),
						Integer.toString(redemption.price()), redemption.code() == null ? "" : redemption.code()),
				bodyKey, LINK, "redemption:" + redemption.id() + ":" + outcome);
	}

	/** The arguments are how many points, the admin's reason and the balance after it. */
	@ApplicationModuleListener
	void on(PointsAdjusted event) {
		String key = event.amount() > 0 ? "notification.points-added" : "notification.points-removed";
		notifications.tell(event.memberId(), "points-adjusted",
				new Message(key, Long.toString(Math.abs((long) event.amount())), event.reason(),
						Long.toString(event.balance())),
				key + ".body", LINK, "points-adjusted:" + event.entryId());
	}
}
