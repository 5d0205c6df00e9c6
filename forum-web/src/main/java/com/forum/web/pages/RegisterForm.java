package com.forum.web.pages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The sign-up form. */
public class RegisterForm {

	@NotBlank(message = "{register.username.required}")
	@Pattern(regexp = "[\\p{L}\\p{N}_.-]{3,32}",
			message = "{register.username.pattern}")
	private String username = "";

	@NotBlank(message = "{register.email.required}")
	@Email(message = "{register.email.invalid}")
	@Size(max = 254, message = "{register.email.size}")
	private String email = "";

	@Size(min = 8, max = 128, message = "{register.password.size}")
	private String password = "";

	private String confirmPassword = "";

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username == null ? null : username.strip();
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email == null ? null : email.strip();
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getConfirmPassword() {
		return confirmPassword;
	}

	public void setConfirmPassword(String confirmPassword) {
		this.confirmPassword = confirmPassword;
	}

	boolean passwordsMatch() {
		return password != null && password.equals(confirmPassword);
	}
}
