package com.forum.web.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the account API reads and answers with. */
final class AccountDtos {

	private AccountDtos() {
	}

	/**
	 * The answer to a sign-up or a reset request, the same whatever was found.
	 *
	 * @param status {@code check-your-inbox}
	 */
	record Accepted(String status, String detail) {
	}

	record ConfirmationRequest(@NotBlank @Size(max = 100) String token) {
	}

	record ResetRequest(@NotBlank @Size(max = 254) String email) {
	}

	record NewPasswordRequest(@NotBlank @Size(max = 100) String token, @NotNull @Size(max = 4096) String newPassword) {
	}

	record PasswordChangeRequest(@NotNull @Size(max = 4096) String currentPassword,
			@NotNull @Size(max = 4096) String newPassword) {
	}

	/** @param current whether this is the token the request was made with */
	record TokenView(long id, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean current) {
	}
}
