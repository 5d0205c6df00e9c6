package com.forum.web.pages;

import com.forum.shared.InvalidInputException;
import com.forum.shared.RuleViolationException;

import org.springframework.beans.BeanUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;

/** Turns the domain's refusals into messages on the form the member sent. */
final class Forms {

	private Forms() {
	}

	/** A bad field becomes an error next to that field; a broken rule becomes a message above the form. */
	static void reject(BindingResult result, RuntimeException ex) {
		if (ex instanceof InvalidInputException invalid && hasField(result, invalid.field())) {
			result.rejectValue(invalid.field(), "invalid",
					StringUtils.capitalize(label(invalid.field())) + " " + invalid.getMessage() + ".");
		}
		else if (ex instanceof RuleViolationException rule && hasField(result, takenField(rule.code()))) {
			result.rejectValue(takenField(rule.code()), rule.code(), rule.getMessage());
		}
		else if (ex instanceof RuleViolationException rule) {
			result.reject(rule.code(), rule.getMessage());
		}
		else {
			result.reject("invalid", ex.getMessage());
		}
	}

	private static boolean hasField(BindingResult result, String field) {
		Object target = result.getTarget();
		return field != null && target != null && BeanUtils.getPropertyDescriptor(target.getClass(), field) != null;
	}

	/** "username-taken" belongs next to the username field. */
	private static String takenField(String code) {
		return code != null && code.endsWith("-taken") ? code.substring(0, code.length() - "-taken".length()) : null;
	}

	private static String label(String field) {
		return switch (field) {
			case "body" -> "the text";
			case "confirmPassword" -> "the confirmation";
			default -> field;
		};
	}
}
