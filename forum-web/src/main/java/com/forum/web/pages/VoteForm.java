package com.forum.web.pages;

import jakarta.validation.constraints.Size;

/** Backing a petition, optionally naming the device it affects ("affects me too"). */
public class VoteForm {

	@Size(max = 60, message = "{petitions.form.device.size}")
	private String deviceModel = "";

	public String getDeviceModel() {
		return deviceModel;
	}

	public void setDeviceModel(String deviceModel) {
		this.deviceModel = deviceModel;
	}
}
