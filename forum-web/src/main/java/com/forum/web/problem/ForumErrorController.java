package com.forum.web.problem;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers errors that happen outside any controller (an unknown address, a request the container
 * refused): problem details for API paths, the friendly error page for people.
 */
@Controller
class ForumErrorController implements ErrorController {

	private final ProblemWriter problems;

	private final ProblemMessages messages;

	ForumErrorController(ProblemWriter problems, ProblemMessages messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		if (isApi(request)) {
			problems.write(request, response, problem(request).getBody());
			return null;
		}
		response.setStatus(status.value());
		Map<String, Object> model = new HashMap<>(Map.of("status", status.value(), "error", status.getReasonPhrase()));
		if (request.getAttribute(ProblemWriter.PAGE_DETAIL) instanceof String detail) {
			model.put("detail", detail);
		}
		return new ModelAndView("error", model, status);
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemType type = ProblemType.forStatus(status.value());
		ProblemDetail problem = messages.problem(messages.locale(request), type, "problem.type." + type.slug());
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && ProblemWriter.isApi(uri.toString());
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}
}
