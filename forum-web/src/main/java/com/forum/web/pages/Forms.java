package com.forum.web.pages;

import java.time.Instant;

import com.forum.reputation.QuotaExceededException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;
import com.forum.web.security.PrivilegeDenial;
import com.forum.web.security.RateLimitedException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.BeanUtils;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns the domain's refusals into messages on the form the member sent. The refusals resolve
 * themselves from the bundles when the page renders, so they read in the reader's language.
 */
final class Forms {

	private Forms() {
	}

	/**
	 * A bad field becomes an error next to that field; a broken rule becomes a message above the form.
	 * A used-up daily quota or a burst limit keeps the member's text on the form and answers 429 with when
	 * to try again.
	 */
	static void reject(BindingResult result, RuntimeException ex) {
		if (ex instanceof QuotaExceededException quota && response() instanceof HttpServletResponse response) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(quota.retryAfterSeconds(Instant.now())));
		}
		// a burst limit likewise: the form comes back with the member's text, saying when to send it again
		if (ex instanceof RateLimitedException limited && response() instanceof HttpServletResponse response) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
		}
		if (ex instanceof InvalidInputException invalid && hasField(result, invalid.field())) {
			MessageSourceResolvable message = fieldMessage(invalid);
			result.rejectValue(invalid.field(), message.getCodes()[0], message.getArguments(),
					message.getDefaultMessage());
		}
		else if (ex instanceof RuleViolationException rule && hasField(result, takenField(rule.code()))) {
			result.rejectValue(takenField(rule.code()), rule.getCodes()[0], rule.getArguments(), rule.getMessage());
		}
		else if (ex instanceof MessageSourceResolvable refusal) {
			result.reject(refusal.getCodes()[0], refusal.getArguments(), ex.getMessage());
		}
		else {
			result.reject("invalid", ex.getMessage());
		}
	}

	/**
	 * Refused for want of a privilege (a link from a member who may not post links yet): the form comes
	 * back with everything the member typed, answering 403, and says which privilege it needs, the
	 * reputation that takes and theirs.
	 */
	static void reject(BindingResult result, PrivilegeDenial denial) {
		if (response() instanceof HttpServletResponse response) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
		}
		MessageSourceResolvable message = denial.message();
		result.reject(message.getCodes()[0], message.getArguments(), message.getDefaultMessage());
	}

	/** "The title must be 5 to 150 characters.": the field's name in the reader's words, then the refusal. */
	static MessageSourceResolvable fieldMessage(InvalidInputException invalid) {
		return new DefaultMessageSourceResolvable(new String[] { "problem.invalid.field" },
				new Object[] { new DefaultMessageSourceResolvable(new String[] { "field." + invalid.field() },
						invalid.field()), invalid },
				invalid.field() + " " + invalid.getMessage() + ".");
	}

	private static HttpServletResponse response() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? request.getResponse() : null;
	}

	private static boolean hasField(BindingResult result, String field) {
		Object target = result.getTarget();
		return field != null && target != null && BeanUtils.getPropertyDescriptor(target.getClass(), field) != null;
	}

	/** "username-taken" and "username-reserved" belong next to the username field. */
	private static String takenField(String code) {
		for (String suffix : new String[] { "-taken", "-reserved" }) {
			if (code != null && code.endsWith(suffix)) {
				return code.substring(0, code.length() - suffix.length());
			}
		}
		return null;
	}
}
