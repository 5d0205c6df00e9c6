package com.forum.web.api;

import java.time.Clock;
import java.util.List;

import com.forum.launch.LaunchUnavailableException;
import com.forum.launch.WindowNotOpenException;
import com.forum.member.PrivilegeRequiredException;
import com.forum.reputation.QuotaExceededException;
import com.forum.search.SearchUnavailableException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import com.forum.web.problem.InvalidField;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.problem.ProblemType;
import com.forum.web.security.LoginThrottledException;
import com.forum.web.security.PrivilegeDenial;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into a problem detail with a stable type. A user's mistake is
 * a 4xx that says what to fix; only our own faults are 500s, and they reveal nothing internal.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final ProblemMessages messages;

	private final PrivilegeGate privileges;

	private final Clock clock;

	ApiProblems(ProblemMessages messages, PrivilegeGate privileges, Clock clock) {
		this.messages = messages;
		this.privileges = privileges;
		this.clock = clock;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return respond(ProblemType.NOT_FOUND.detail(messages.text(ex)));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> denied(PermissionDeniedException ex) {
		return respond(ProblemType.FORBIDDEN.detail(messages.text(ex)));
	}

	/** The domain refused for want of a privilege: the same problem as a refusal by method security. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> privilegeRequired(PrivilegeRequiredException ex) {
		return privilege(privileges.denial(ex.privilege()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		if (ex instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof PrivilegeDenial privilege) {
			return privilege(privilege);
		}
		return respond(messages.problem(ProblemType.FORBIDDEN, "problem.type.forbidden"));
	}

	/** Over today's quota: 429, with when it resets in the detail, in Retry-After and as members. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> quotaExceeded(QuotaExceededException ex) {
		long retryAfter = ex.retryAfterSeconds(clock.instant());
		return ResponseEntity.status(ProblemType.QUOTA_EXCEEDED.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
			.body(messages.titled(ProblemType.quotaExceeded(ex.quota().id(), ex.limit(), ex.resetsAt(), messages.text(ex))));
	}

	/** A burst limit: 429 with Retry-After; nothing was done, the same request succeeds later. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(RateLimitedException ex) {
		return ResponseEntity.status(ProblemType.RATE_LIMITED.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(messages.titled(ProblemType.rateLimited(ex.limitName(), ex.capacity(), ex.period(),
					ex.retryAfterSeconds(), messages.text(ex))));
	}

	private ResponseEntity<ProblemDetail> privilege(PrivilegeDenial denial) {
		return respond(ProblemType.privilegeRequired(denial.privilege().id(), denial.requiredReputation(),
				denial.reputation(), messages.text(denial.message())));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException ex) {
		return respond(ProblemType.ruleViolation(ex.code(), messages.text(ex)));
	}

	/**
	 * Two people changed the same thing at once (a stale version, or a lock lost to a deadlock): the
	 * loser's change was not made, and trying again on the fresh state is the way out.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyFailureException ex) {
		log.info("Concurrent change refused: {}", ex.getMessage());
		return respond(messages.problem(ProblemType.CONCURRENT_CHANGE, "problem.detail.concurrent-change"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		return respond(validation(List.of(new InvalidField(ex.field(), messages.text(ex)))));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badCredentials(BadCredentialsException ex) {
		return respond(messages.problem(ProblemType.INVALID_CREDENTIALS, "problem.type.invalid-credentials"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> throttled(LoginThrottledException ex) {
		return ResponseEntity.status(ProblemType.TOO_MANY_LOGIN_ATTEMPTS.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(messages.problem(ProblemType.TOO_MANY_LOGIN_ATTEMPTS, "problem.detail.throttled", ex.retryAfterSeconds()));
	}

	/** The member's launch window has not opened: 403 naming their level, their window and when it opens. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> launchWindowNotOpen(WindowNotOpenException ex) {
		return respond(ProblemType.launchWindowNotOpen(ex.level(), ex.windowLevel(), ex.opensAt(), messages.text(ex)));
	}

	/** Admission is being rebuilt or Redis is away: 503 with Retry-After; nothing was reserved. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> launchUnavailable(LaunchUnavailableException ex) {
		// debug: during an outage every attempt of a sale comes here; the rebuild logs the outage once
		log.debug("Launch admission unavailable: {}", ex.getCause() == null ? ex.getMessage() : ex.getCause().toString());
		long retryAfter = Math.max(1, ex.retryAfter().toSeconds());
		return ResponseEntity.status(ProblemType.LAUNCH_UNAVAILABLE.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
			.body(messages.problem(ProblemType.LAUNCH_UNAVAILABLE, "problem.detail.launch-unavailable", retryAfter));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> searchUnavailable(SearchUnavailableException ex) {
		log.warn("Search unavailable: {} ({})", ex.getMessage(), String.valueOf(ex.getCause()));
		return respond(messages.problem(ProblemType.SEARCH_UNAVAILABLE, "problem.detail.search-unavailable"));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return respond(messages.problem(ProblemType.INVALID_PARAMETER, "problem.detail.invalid-parameter", ex.getName()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure of an API call", ex);
		return respond(messages.problem(ProblemType.INTERNAL, "problem.type.internal"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getBindingResult().getFieldErrors().stream()
			.map(error -> new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(validation(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = ex.getParameterValidationResults().stream()
			.flatMap(result -> result.getResolvableErrors().stream()
				.map(error -> new InvalidField(result.getMethodParameter().getParameterName(),
						String.valueOf(error.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(validation(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(messages.problem(ProblemType.MALFORMED_REQUEST, "problem.detail.malformed-request"));
	}

	/** Every other framework-level error keeps its status and gets our type for it. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemType type = ProblemType.forStatus(statusCode.value());
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail : type.detail(ex.getMessage());
		problem.setType(type.uri());
		problem.setTitle(type.title());
		return ResponseEntity.status(statusCode).headers(headers).body(messages.titled(problem));
	}

	private ProblemDetail validation(List<InvalidField> errors) {
		return messages.titled(ProblemType.validation(errors, messages.text("problem.detail.validation")));
	}

	/** Every answer's title in the reader's language; the type stays what clients match on. */
	private ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(messages.titled(problem));
	}
}
