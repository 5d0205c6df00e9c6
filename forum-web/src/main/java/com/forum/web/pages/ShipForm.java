package com.forum.web.pages;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Shipping a planned or in-progress petition in a release. */
public class ShipForm {

	@NotNull(message = "{releases.form.petition.required}")
	@Positive(message = "{releases.form.petition.positive}")
	private Long petitionId;

	@Size(max = 10_000, message = "{triage.form.response.size}")
	private String response = "";

	public Long getPetitionId() {
		return petitionId;
	}

	public void setPetitionId(Long petitionId) {
		this.petitionId = petitionId;
	}

	public String getResponse() {
		return response;
	}

	public void setResponse(String response) {
		this.response = response;
	}
}
