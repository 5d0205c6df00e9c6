package com.forum.web.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.forum.shared.InvalidInputException;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.PropertyAccessException;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * The petition forms' messages. The domain words its refusals for programs ("declining needs a
 * reason", "must be at most 60 characters"); here they become sentences next to the field they are
 * about, or above the form when the form has no such field.
 */
final class PetitionForms {

	/**
	 * A number or choice that does not parse gets a plain sentence from the bundles
	 * ({@code petitions.invalid.status}: "Please choose a valid status."), not a conversion error.
	 */
	static final BindingErrorProcessor FRIENDLY = new DefaultBindingErrorProcessor() {

		@Override
		public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
			String field = ex.getPropertyName();
			if (field == null) {
				super.processPropertyAccessException(ex, result);
				return;
			}
			List<String> codes = new ArrayList<>();
			codes.add("petitions.invalid." + field.replaceAll("\\[.*$", ""));
			codes.addAll(Arrays.asList(result.resolveMessageCodes(ex.getErrorCode(), field)));
			codes.add("petitions.invalid");
			result.addError(new FieldError(result.getObjectName(), field, ex.getValue(), true,
					codes.toArray(String[]::new), null, null));
		}
	};

	private PetitionForms() {
	}

	static void reject(BindingResult result, RuntimeException ex) {
		if (ex instanceof InvalidInputException invalid) {
			String message = sentence(invalid.field(), invalid.getMessage());
			if (hasField(result, invalid.field())) {
				result.rejectValue(invalid.field(), "invalid", message);
			}
			else {
				result.reject("invalid", message);
			}
		}
		else {
			Forms.reject(result, ex);
		}
	}

	/** "must be at most 60 characters" gets its field's name in front; a full statement stands alone. */
	static String sentence(String field, String message) {
		String text = message == null ? "" : message.strip();
		boolean predicate = text.startsWith("must ") || text.startsWith("is ") || text.startsWith("may ");
		String sentence = predicate && field != null ? StringUtils.capitalize(label(field)) + " " + text
				: StringUtils.capitalize(text);
		return sentence.endsWith(".") ? sentence : sentence + ".";
	}

	static String label(String field) {
		return switch (field) {
			case "boardId" -> "product area";
			case "deviceModel" -> "device model";
			case "firmwareVersion" -> "firmware version";
			case "releaseId" -> "release";
			case "duplicateOfId" -> "original petition number";
			case "assigneeId" -> "employee";
			case "petitionId" -> "petition number";
			case "petitionIds" -> "selection";
			case "body" -> "note";
			case "releaseAt" -> "release date";
			default -> field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		};
	}

	private static boolean hasField(BindingResult result, String field) {
		Object target = result.getTarget();
		return field != null && target != null && BeanUtils.getPropertyDescriptor(target.getClass(), field) != null;
	}
}
