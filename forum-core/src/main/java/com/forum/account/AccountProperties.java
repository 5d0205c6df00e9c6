package com.forum.account;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Links mailed to members.
 *
 * @param siteUrl the forum's public address, which the links in mails start with
 * @param confirmationTtl how long a link to confirm an address works
 * @param resetTtl how long a link to choose a new password works (short: it stands in for the password)
 */
@Validated
@ConfigurationProperties("forum.accounts")
public record AccountProperties(@DefaultValue("http://127.0.0.1:8080") @NotNull URI siteUrl,
		@DefaultValue("48h") @NotNull @DurationMin(minutes = 5) @DurationMax(days = 30) Duration confirmationTtl,
		@DefaultValue("30m") @NotNull @DurationMin(minutes = 1) @DurationMax(hours = 24) Duration resetTtl) {

	/** An absolute address on the site, for a mail. */
	public String link(String pathAndQuery) {
		String base = siteUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
	}
}
