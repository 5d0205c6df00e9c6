package com.forum.web.pages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms of a member's account security: a new password (changed or reset) and a reset request. */
final class PasswordForms {

	private PasswordForms() {
	}

	/** A new password typed twice; with the current one when changing, with the link's token when resetting. */
	public static class NewPassword {

		@Size(max = 4096, message = "{register.password.size}")
		private String currentPassword = "";

		@Size(max = 100)
		private String token = "";

		@Size(min = 8, max = 128, message = "{register.password.size}")
		private String newPassword = "";

		private String confirmPassword = "";

		public String getCurrentPassword() {
			return currentPassword;
		}

		public void setCurrentPassword(String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public String getToken() {
			return token;
		}

		public void setToken(String token) {
			this.token = token;
		}

		public String getNewPassword() {
			return newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

		public String getConfirmPassword() {
			return confirmPassword;
		}

		public void setConfirmPassword(String confirmPassword) {
			this.confirmPassword = confirmPassword;
		}

		boolean passwordsMatch() {
			return newPassword != null && newPassword.equals(confirmPassword);
		}

		void forget() {
			currentPassword = "";
			newPassword = "";
			confirmPassword = "";
		}
	}

	/** The address to mail a reset link to. */
	public static class Forgot {

		@NotBlank(message = "{register.email.required}")
		@Email(message = "{register.email.invalid}")
		@Size(max = 254, message = "{register.email.size}")
		private String email = "";

		public String getEmail() {
			return email;
		}

		public void setEmail(String email) {
			this.email = email == null ? null : email.strip();
		}
	}
}
