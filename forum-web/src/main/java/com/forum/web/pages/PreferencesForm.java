package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;

/** A member's own settings, as the profile page's form sends them: a language tag and a zone id. */
public class PreferencesForm {

	@NotBlank(message = "{settings.language.required}")
	private String language = "";

	@NotBlank(message = "{settings.zone.required}")
	private String timeZone = "";

	public PreferencesForm() {
	}

	PreferencesForm(String language, String timeZone) {
		this.language = language;
		this.timeZone = timeZone;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language == null ? null : language.strip();
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone == null ? null : timeZone.strip();
	}
}
