package com.forum.web.pages;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;

import com.forum.poll.PollDraft;
import com.forum.shared.InvalidInputException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

/**
 * A poll as a member types it: one option a line, the closing time as a {@code datetime-local} in their
 * zone. The poll's rules are the domain's; its refusals are shown next to these fields.
 */
public class PollForm {

	private static final Set<String> FIELDS = Set.of("question", "options", "maxChoices", "closesAt");

	@Size(max = 300, message = "{polls.form.question.size}")
	private String question = "";

	@Size(max = 10_000, message = "{polls.form.options.size}")
	private String options = "";

	private boolean multiple;

	@Min(value = 1, message = "{polls.form.max-choices.range}")
	@Max(value = 1000, message = "{polls.form.max-choices.range}")
	private Integer maxChoices;

	private String closesAt = "";

	/** Whether the member asked anything: an untouched poll section of the new-thread form asks nothing. */
	public boolean asked() {
		return !question.isBlank() || !options.isBlank();
	}

	/** The poll as the domain takes it, or null when its closing time is no date (told on the form). */
	PollDraft draft(BindingResult result, String path, PetitionFmt zoned) {
		Instant closing = null;
		if (!closesAt.isBlank()) {
			try {
				closing = zoned.parseReleaseInput(closesAt);
			}
			catch (DateTimeParseException ex) {
				result.rejectValue(path + "closesAt", "polls.form.closes-at.invalid");
				return null;
			}
		}
		return new PollDraft(question, Arrays.asList(options.split("\\R")), multiple, multiple ? maxChoices : null,
				closing);
	}

	/** Puts a refusal of one of the poll's fields next to it; false when the refusal is about no such field. */
	static boolean reject(BindingResult result, String path, RuntimeException ex) {
		if (!(ex instanceof InvalidInputException invalid) || !FIELDS.contains(invalid.field())) {
			return false;
		}
		var message = Forms.fieldMessage(invalid);
		result.rejectValue(path + invalid.field(), message.getCodes()[0], message.getArguments(),
				message.getDefaultMessage());
		return true;
	}

	public String getQuestion() {
		return question;
	}

	public void setQuestion(String question) {
		this.question = question == null ? "" : question;
	}

	public String getOptions() {
		return options;
	}

	public void setOptions(String options) {
		this.options = options == null ? "" : options;
	}

	public boolean isMultiple() {
		return multiple;
	}

	public void setMultiple(boolean multiple) {
		this.multiple = multiple;
	}

	public Integer getMaxChoices() {
		return maxChoices;
	}

	public void setMaxChoices(Integer maxChoices) {
		this.maxChoices = maxChoices;
	}

	public String getClosesAt() {
		return closesAt;
	}

	public void setClosesAt(String closesAt) {
		this.closesAt = closesAt == null ? "" : closesAt;
	}
}
