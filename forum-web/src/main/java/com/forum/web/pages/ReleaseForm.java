package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Planning a release. The date comes from a {@code datetime-local} input and is read in the
 * reader's time zone.
 */
public class ReleaseForm {

	@NotBlank(message = "{releases.form.version.required}")
	@Size(max = 40, message = "{releases.form.version.size}")
	private String version = "";

	private String releaseAt = "";

	@Size(max = 20_000, message = "{releases.form.notes.size}")
	private String notes = "";

	public String getVersion() {
		return version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getReleaseAt() {
		return releaseAt;
	}

	public void setReleaseAt(String releaseAt) {
		this.releaseAt = releaseAt;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}
}
