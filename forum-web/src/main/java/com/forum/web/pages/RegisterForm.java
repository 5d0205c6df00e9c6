package com.forum.web.pages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The sign-up form. */
public class RegisterForm {

	@NotBlank(message = "Please choose a username.")
	@Pattern(regexp = "[\\p{L}\\p{N}_.-]{3,32}",
			message = "Use 3 to 32 letters, digits, dots, dashes or underscores.")
	private String username = "";

	@NotBlank(message = "Please enter your email address.")
	@Email(message = "This does not look like an email address.")
	@Size(max = 254, message = "The email address is too long.")
	private String email = "";

	@Size(min = 8, max = 128, message = "The password must be 8 to 128 characters.")
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
