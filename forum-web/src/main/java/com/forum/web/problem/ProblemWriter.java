package com.forum.web.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

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

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
		}
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
