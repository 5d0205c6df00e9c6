package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An official response that leaves the status as it is. */
public class ResponseForm {

	@NotBlank(message = "{triage.form.response.required}")
	@Size(max = 10_000, message = "{triage.form.response.size}")
	private String response = "";

	public String getResponse() {
		return response;
	}

	public void setResponse(String response) {
		this.response = response;
	}
}
