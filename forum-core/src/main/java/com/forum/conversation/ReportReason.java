package com.forum.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a participant reports a conversation; "other" needs a note. */
public enum ReportReason {

	SPAM, HARASSMENT, OTHER;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ReportReason> byId(String id) {
		return Arrays.stream(values()).filter(reason -> id != null && reason.id().equalsIgnoreCase(id.strip())).findFirst();
	}
}
