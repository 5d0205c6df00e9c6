package com.forum.web.problem;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Answers straight from a filter, before any controller runs: a problem detail for API calls, the
 * friendly error page for people.
 */
@Component
public class ProblemWriter {

	/** The request attribute carrying the sentence the error page shows to people. */
	static final String PAGE_DETAIL = ProblemWriter.class.getName() + ".pageDetail";

	private final JsonMapper json;

	private final ProblemMessages messages;

	ProblemWriter(JsonMapper json, ProblemMessages messages) {
		this.json = json;
		this.messages = messages;
	}

	/** The language of a request no controller handled yet, for the detail a filter writes. */
	public Locale locale(HttpServletRequest request) {
		return messages.locale(request);
	}

	/** A message in the request's language, for the detail a filter writes. */
	public String text(HttpServletRequest request, String key, Object... arguments) {
		return messages.text(locale(request), key, arguments);
	}

	/** A refusal's message in the request's language, for the detail a filter writes. */
	public String text(HttpServletRequest request, MessageSourceResolvable refusal) {
		return messages.text(locale(request), refusal);
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
		}
		messages.titled(problem, locale(request));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Refuses a request: the problem for a program calling the API, the error page with its status
	 * and {@code pageDetail} for a person.
	 */
	public void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
			String pageDetail) throws IOException {
		if (isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
			write(request, response, problem);
		}
		else {
			request.setAttribute(PAGE_DETAIL, pageDetail);
			response.sendError(problem.getStatus());
		}
	}

	static boolean isApi(String path) {
		return path.startsWith("/api/");
	}
}
