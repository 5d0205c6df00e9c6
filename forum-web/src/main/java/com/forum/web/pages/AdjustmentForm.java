package com.forum.web.pages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An admin's correction of a member's points: how many (negative to remove) and why. The token makes
 * a double click post once.
 */
public class AdjustmentForm {

	@NotNull(message = "{points.admin.form.amount.required}")
	private Integer amount;

	@NotBlank(message = "{points.admin.form.reason.required}")
	@Size(max = 500, message = "{points.admin.form.reason.size}")
	private String reason = "";

	private String token = PointsView.formToken();

	public Integer getAmount() {
		return amount;
	}

	public void setAmount(Integer amount) {
		this.amount = amount;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getToken() {
		return token;
	}

	public void setToken(String token) {
		this.token = token;
	}
}
