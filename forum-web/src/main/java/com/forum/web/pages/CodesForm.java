package com.forum.web.pages;

import java.util.List;

import jakarta.validation.constraints.Size;

/** Codes for an item, one a line, as an admin pastes them. */
public class CodesForm {

	@Size(max = 110_000, message = "{shop.form.codes.size}")
	private String codes = "";

	public String getCodes() {
		return codes;
	}

	public void setCodes(String codes) {
		this.codes = codes;
	}

	List<String> lines() {
		return codes == null ? List.of() : codes.lines().toList();
	}
}
