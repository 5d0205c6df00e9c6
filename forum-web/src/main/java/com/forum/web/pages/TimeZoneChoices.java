package com.forum.web.pages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The time zones a member can choose: the ones most of this community lives in first, then every
 * other IANA region zone, sorted. Each is labelled with its id, its name in the reader's language
 * and its offset now, as "Asia/Shanghai · 中国时间 (UTC+8)".
 *
 * @param common the usual zones of the community, in this order
 * @param others every other region zone, by id
 */
record TimeZoneChoices(List<Choice> common, List<Choice> others) {

	static final List<String> COMMON = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore",
			"Asia/Kolkata", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC");

	/** Region ids only ("Europe/Paris"), and UTC: no legacy aliases such as "PST8PDT" or "Etc/GMT+5". */
	private static final Set<String> OFFERED = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(id -> id.equals("UTC") || id.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
		.collect(Collectors.toUnmodifiableSet());

	/** One option: the id sent, the label shown. */
	record Choice(String id, String label) {
	}

	static TimeZoneChoices at(Instant now, Locale language) {
		List<Choice> common = COMMON.stream().map(id -> choice(id, now, language)).toList();
		List<Choice> others = OFFERED.stream()
			.filter(id -> !COMMON.contains(id))
			.sorted(Comparator.naturalOrder())
			.map(id -> choice(id, now, language))
			.toList();
		return new TimeZoneChoices(common, others);
	}

	/** The zone with this id when the form may offer it; anything else is refused, never guessed. */
	static Optional<ZoneId> parse(String id) {
		if (id == null || !OFFERED.contains(id)) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static Choice choice(String id, Instant now, Locale language) {
		ZoneId zone = ZoneId.of(id);
		String name = zone.getDisplayName(TextStyle.FULL, language);
		return new Choice(id, id + (name.equals(id) ? "" : " · " + name) + " (" + Fmt.offsetLabel(zone.getRules().getOffset(now)) + ")");
	}
}
