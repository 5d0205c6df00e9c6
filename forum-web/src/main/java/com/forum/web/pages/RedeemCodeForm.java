package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A reservation code as a store employee types it at {@code /store/redeem}: case and dashes do not matter. */
public class RedeemCodeForm {

	@NotBlank(message = "{store.redeem.code.required}")
	@Size(max = 40, message = "{store.redeem.code.size}")
	private String code = "";

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}
}
