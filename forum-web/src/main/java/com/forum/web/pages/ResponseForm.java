package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An official response that leaves the status as it is. */
public class ResponseForm {

	@NotBlank(message = "Please write the response.")
	@Size(max = 10_000, message = "The response must be at most 10,000 characters.")
	private String response = "";

	public String getResponse() {
		return response;
	}

	public void setResponse(String response) {
		this.response = response;
	}
}
