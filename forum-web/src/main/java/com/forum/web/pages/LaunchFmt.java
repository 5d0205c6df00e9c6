package com.forum.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.forum.launch.Launch;
import com.forum.launch.LaunchState;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the launch pages word a launch, as {@code ${@lfmt.phase(launch)}}: an open launch is either
 * scheduled, on sale or sold out, which is what members want to know at a glance.
 */
@Component("lfmt")
public class LaunchFmt {

	private final MessageSource messages;

	private final Clock clock;

	LaunchFmt(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** draft, scheduled, on-sale, sold-out, paused or closed. */
	public String phase(Launch launch) {
		if (launch.state() != LaunchState.OPEN) {
			return launch.state().name().toLowerCase(Locale.ROOT);
		}
		if (clock.instant().isBefore(launch.firstWindowStart())) {
			return "scheduled";
		}
		return launch.slotsLeft() == 0 ? "sold-out" : "on-sale";
	}

	public String phaseLabel(Launch launch) {
		return messages.getMessage("launches.phase." + phase(launch), null, LocaleContextHolder.getLocale());
	}

	/** Whether the moment is still to come, for countdowns. */
	public boolean ahead(Instant at) {
		return at != null && clock.instant().isBefore(at);
	}

	/** A validity or a window's lead in whole hours, as staff set them. */
	public long hours(Duration duration) {
		return duration == null ? 0 : duration.toHours();
	}
}
