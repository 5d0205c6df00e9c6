package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Planning a release. The date comes from a {@code datetime-local} input and is read in the
 * release time zone.
 */
public class ReleaseForm {

	@NotBlank(message = "Please give the version.")
	@Size(max = 40, message = "The version must be at most 40 characters.")
	private String version = "";

	private String releaseAt = "";

	@Size(max = 20_000, message = "The notes must be at most 20,000 characters.")
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
