package com.forum.web.pages;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Shipping a planned or in-progress petition in a release. */
public class ShipForm {

	@NotNull(message = "Please give the petition number.")
	@Positive(message = "The petition number must be positive.")
	private Long petitionId;

	@Size(max = 10_000, message = "The response must be at most 10,000 characters.")
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
