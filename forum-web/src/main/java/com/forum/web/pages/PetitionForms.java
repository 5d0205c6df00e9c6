package com.forum.web.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.forum.shared.InvalidInputException;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;

/**
 * The petition forms' messages, in the reader's language. The domain gives its refusals as reasons
 * ("reason-to-decline", "length"); here they become sentences next to the field they are about, or
 * above the form when the form has no such field.
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

	/** The domain's reasons that are statements of their own, each with a sentence in the petitions bundle. */
	private static final Set<String> STATEMENTS = Set.of("tag-format", "too-many-tags", "reason-to-reopen",
			"reason-to-decline", "release-required", "original-required", "self-duplicate", "original-is-duplicate",
			"petition-count", "assignee-not-staff", "unknown-board", "unknown-release", "unknown-petition");

	private PetitionForms() {
	}

	/**
	 * A refusal of the domain as a message on the form. Refusals that are whole statements ("declining
	 * needs a reason") read as the petition pages' own sentences, {@code petitions.refusal.<reason>},
	 * next to their field when the form has it; the rest are worded by {@link Forms}, the field's
	 * name and what is wrong with it.
	 */
	static void reject(BindingResult result, RuntimeException ex) {
		if (ex instanceof InvalidInputException invalid && STATEMENTS.contains(invalid.reason())) {
			String code = "petitions.refusal." + invalid.reason();
			if (hasField(result, invalid.field())) {
				result.rejectValue(invalid.field(), code, invalid.getArguments(), invalid.getMessage());
			}
			else {
				result.reject(code, invalid.getArguments(), invalid.getMessage());
			}
		}
		else {
			Forms.reject(result, ex);
		}
	}

	private static boolean hasField(BindingResult result, String field) {
		Object target = result.getTarget();
		return field != null && target != null && BeanUtils.getPropertyDescriptor(target.getClass(), field) != null;
	}
}
