package com.forum.web.pages;

import com.forum.member.ProfileFields;

/** The member's bio, signature and device, as the profile page's form sends them; the limits are checked by the core. */
public class ProfileFieldsForm {

	private String bio = "";

	private String signature = "";

	private String device = "";

	public ProfileFieldsForm() {
	}

	static ProfileFieldsForm of(ProfileFields fields) {
		ProfileFieldsForm form = new ProfileFieldsForm();
		form.setBio(fields.bio());
		form.setSignature(fields.signature());
		form.setDevice(fields.device());
		return form;
	}

	public String getBio() {
		return bio;
	}

	public void setBio(String bio) {
		this.bio = bio == null ? "" : bio;
	}

	public String getSignature() {
		return signature;
	}

	public void setSignature(String signature) {
		this.signature = signature == null ? "" : signature;
	}

	public String getDevice() {
		return device;
	}

	public void setDevice(String device) {
		this.device = device == null ? "" : device;
	}
}
