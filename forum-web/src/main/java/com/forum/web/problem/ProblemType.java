package com.forum.web.problem;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types of the API. Each type URI is stable: clients may match on it, and it resolves
 * to a page describing the problem.
 */
public enum ProblemType {

	VALIDATION("validation", HttpStatus.BAD_REQUEST, "Your request has invalid fields."),
	MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "The request body could not be read."),
	INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "A parameter has the wrong type or format."),
	BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "The request was not understood."),
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication is required."),
	INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED, "Wrong username or password."),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "You may not do this."),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Nothing was found here."),
	CONCURRENT_CHANGE("concurrent-change", HttpStatus.CONFLICT, "Someone else changed this at the same moment."),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "This method is not supported here."),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "No acceptable representation."),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
			"Send JSON (application/json)."),
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "The request is too large."),
	TOO_MANY_LOGIN_ATTEMPTS("too-many-login-attempts", HttpStatus.TOO_MANY_REQUESTS,
			"Too many failed sign-in attempts."),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests in a short time."),
	PRIVILEGE_REQUIRED("denied/privilege", HttpStatus.FORBIDDEN, "You need more reputation for this."),
	QUOTA_EXCEEDED("quota-exceeded", HttpStatus.TOO_MANY_REQUESTS, "Today's quota for this is used up."),
	SEARCH_UNAVAILABLE("search-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Search is unavailable right now."),
	LAUNCH_WINDOW_NOT_OPEN("denied/launch-window", HttpStatus.FORBIDDEN, "Your window for this launch is not open yet."),
	EMAIL_UNCONFIRMED("denied/email-unconfirmed", HttpStatus.FORBIDDEN, "Confirm your e-mail address first."),
	LAUNCH_UNAVAILABLE("launch-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
			"Reservations are unavailable for a moment."),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");

	/** Business-rule conflicts carry their own code under this prefix, e.g. /problems/rules/topic-locked. */
	public static final String RULES_PREFIX = "/problems/rules/";

	private final String slug;

	private final HttpStatus status;

	private final String title;

	ProblemType(String slug, HttpStatus status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	public URI uri() {
		return URI.create("/problems/" + slug);
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	public String slug() {
		return slug;
	}

	public ProblemDetail detail(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(uri());
		problem.setTitle(title);
		return problem;
	}

	/** Invalid input: 400 listing every field to fix; the detail says to read them, in the reader's words. */
	public static ProblemDetail validation(List<InvalidField> errors, String detail) {
		ProblemDetail problem = VALIDATION.detail(detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/** A refused business rule: 409 with a type naming the rule. */
	public static ProblemDetail ruleViolation(String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setType(URI.create(RULES_PREFIX + code));
		problem.setTitle("The request conflicts with a rule");
		return problem;
	}

	/**
	 * Refused for want of a privilege: 403 naming it, the reputation it needs and the member's own, as
	 * members clients can read.
	 */
	public static ProblemDetail privilegeRequired(String privilege, long requiredReputation, long reputation,
			String detail) {
		ProblemDetail problem = PRIVILEGE_REQUIRED.detail(detail);
		problem.setProperty("privilege", privilege);
		problem.setProperty("requiredReputation", requiredReputation);
		problem.setProperty("reputation", reputation);
		return problem;
	}

	/** Today's quota is used up: 429 naming the quota, its limit and when it resets. */
	public static ProblemDetail quotaExceeded(String quota, int limit, Instant resetsAt, String detail) {
		ProblemDetail problem = QUOTA_EXCEEDED.detail(detail);
		problem.setProperty("quota", quota);
		problem.setProperty("limit", limit);
		problem.setProperty("resetsAt", resetsAt.toString());
		return problem;
	}

	/**
	 * A burst limit refused the request: 429 naming the limit, its capacity and period (ISO-8601) and the
	 * seconds until it admits the request (also in {@code Retry-After}).
	 */
	public static ProblemDetail rateLimited(String limit, int capacity, java.time.Duration period, long retryAfter,
			String detail) {
		ProblemDetail problem = RATE_LIMITED.detail(detail);
		problem.setProperty("limit", limit);
		problem.setProperty("capacity", capacity);
		problem.setProperty("period", period.toString());
		problem.setProperty("retryAfter", retryAfter);
		return problem;
	}

	/** The member's launch window is not open: 403 naming their level, their window's level and when it opens. */
	public static ProblemDetail launchWindowNotOpen(int level, int windowLevel, Instant opensAt, String detail) {
		ProblemDetail problem = LAUNCH_WINDOW_NOT_OPEN.detail(detail);
		problem.setProperty("level", level);
		problem.setProperty("windowLevel", windowLevel);
		problem.setProperty("opensAt", opensAt.toString());
		return problem;
	}

	public static ProblemType forStatus(int status) {
		for (ProblemType type : values()) {
			if (type.status.value() == status && type != VALIDATION && type != MALFORMED_REQUEST
					&& type != INVALID_PARAMETER && type != INVALID_CREDENTIALS && type != CONCURRENT_CHANGE
					&& type != PRIVILEGE_REQUIRED && type != QUOTA_EXCEEDED && type != LAUNCH_WINDOW_NOT_OPEN
					&& type != LAUNCH_UNAVAILABLE && type != EMAIL_UNCONFIRMED
					&& type != RATE_LIMITED) {
				return type;
			}
		}
		return status >= 500 ? INTERNAL : BAD_REQUEST;
	}
}
