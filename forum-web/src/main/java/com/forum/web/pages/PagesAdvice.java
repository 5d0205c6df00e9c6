package com.forum.web.pages;

import java.time.Clock;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.forum.board.BoardCatalog;
import com.forum.board.BoardSummary;
import com.forum.conversation.ConversationQueries;
import com.forum.member.MemberId;
import com.forum.member.PrivilegeRequiredException;
import com.forum.notification.Notifications;
import com.forum.reputation.QuotaExceededException;
import com.forum.shared.InvalidInputException;
import com.forum.shared.NotFoundException;
import com.forum.shared.PermissionDeniedException;
import com.forum.shared.RuleViolationException;
import com.forum.web.problem.ProblemMessages;
import com.forum.web.security.MemberPrincipal;
import com.forum.web.security.PrivilegeDenial;
import com.forum.web.security.PrivilegeGate;
import com.forum.web.security.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** What every page gets (the viewer, the boards for the navigation) and the friendly error pages. */
@ControllerAdvice(basePackages = "com.forum.web.pages")
class PagesAdvice {

	private static final Pattern THREAD_PATH = Pattern.compile("^/threads/(\\d+)");

	private final BoardCatalog boards;

	private final Notifications notifications;

	private final ConversationQueries conversations;

	private final ProblemMessages messages;

	private final PrivilegeGate privileges;

	private final Clock clock;

	PagesAdvice(BoardCatalog boards, Notifications notifications, ProblemMessages messages, PrivilegeGate privileges,
			Clock clock, ConversationQueries conversations) {
		this.conversations = conversations;
		this.boards = boards;
		this.notifications = notifications;
		this.messages = messages;
		this.privileges = privileges;
		this.clock = clock;
	}

	/** Who looks, and what their reputation allows them, to show or explain the controls. */
	@ModelAttribute("viewer")
	Viewer viewer(@AuthenticationPrincipal MemberPrincipal member) {
		return member == null ? new Viewer(null) : new Viewer(member, privileges.standing(member));
	}

	/** The header's unread count, for pages people look at; null when there is none to show. */
	@ModelAttribute("unreadNotifications")
	Long unreadNotifications(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request) {
		return "GET".equals(request.getMethod()) ? safeUnread(member) : null;
	}

	/** The header's unread private messages, beside the notifications: one indexed query, as theirs. */
	@ModelAttribute("unreadMessages")
	Long unreadMessages(@AuthenticationPrincipal MemberPrincipal member, HttpServletRequest request) {
		return "GET".equals(request.getMethod()) ? safeUnreadMessages(member) : null;
	}

	/** Where the header's language switch returns to: this page, with its query. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return currentPathOf(request);
	}

	@ModelAttribute("navBoards")
	List<BoardSummary> navBoards() {
		return boards.all();
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request) {
		return page(HttpStatus.NOT_FOUND, messages.text(ex), "/", request);
	}

	@ExceptionHandler(PermissionDeniedException.class)
	ModelAndView denied(PermissionDeniedException ex, HttpServletRequest request) {
		return page(HttpStatus.FORBIDDEN, messages.text(ex), request);
	}

	/** Refused for want of a privilege, by method security or by the domain: which, and what it needs. */
	@ExceptionHandler(PrivilegeRequiredException.class)
	ModelAndView privilegeRequired(PrivilegeRequiredException ex, HttpServletRequest request) {
		return page(HttpStatus.FORBIDDEN, messages.text(privileges.denial(ex.privilege()).message()), request);
	}

	@ExceptionHandler(AuthorizationDeniedException.class)
	ModelAndView authorizationDenied(AuthorizationDeniedException ex, HttpServletRequest request) {
		String detail = ex.getAuthorizationResult() instanceof PrivilegeDenial denial ? messages.text(denial.message())
				: messages.text("problem.type.forbidden");
		return page(HttpStatus.FORBIDDEN, detail, request);
	}

	/** Over today's quota (a like; forms show it above themselves): 429 saying when it resets. */
	@ExceptionHandler(QuotaExceededException.class)
	ModelAndView quotaExceeded(QuotaExceededException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds(clock.instant())));
		return page(HttpStatus.TOO_MANY_REQUESTS, messages.text(ex), request);
	}

	/** A burst limit outside a form (a like, a vote): 429 saying when to try again. */
	@ExceptionHandler(RateLimitedException.class)
	ModelAndView rateLimited(RateLimitedException ex, HttpServletRequest request, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()));
		return page(HttpStatus.TOO_MANY_REQUESTS, messages.text(ex), request);
	}

	@ExceptionHandler(RuleViolationException.class)
	ModelAndView refused(RuleViolationException ex, HttpServletRequest request) {
		return page(HttpStatus.CONFLICT, messages.text(ex), request);
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ModelAndView raced(HttpServletRequest request) {
		return page(HttpStatus.CONFLICT, messages.text("error.concurrent-change"), request);
	}

	/** A field the page has no form for: its name, then what is wrong ("The title must be ..."). */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalid(InvalidInputException ex, HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, messages.text(Forms.fieldMessage(ex)), request);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, messages.text("error.bad-address"), request);
	}

	private ModelAndView page(HttpStatus status, String detail, HttpServletRequest request) {
		return page(status, detail, backUrl(request), request);
	}

	private ModelAndView page(HttpStatus status, String detail, String backUrl, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("detail", detail);
		page.addObject("backUrl", backUrl);
		page.addObject("viewer", new Viewer(member(request)));
		page.addObject("navBoards", safeBoards());
		page.addObject("currentPath", currentPathOf(request));
		page.addObject("unreadNotifications", safeUnread(member(request)));
		page.addObject("unreadMessages", safeUnreadMessages(member(request)));
		return page;
	}

	/** Where "go back" leads: the thread the request was about, else the home page. */
	private static String backUrl(HttpServletRequest request) {
		Matcher thread = THREAD_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
		return thread.find() ? "/threads/" + thread.group(1) : "/";
	}

	/** Only a page that was read can be read again; after a sent form the switch goes home. */
	private static String currentPathOf(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return "/";
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
	}

	private static MemberPrincipal member(HttpServletRequest request) {
		return request.getUserPrincipal() instanceof Authentication auth
				&& auth.getPrincipal() instanceof MemberPrincipal member ? member : null;
	}

	private Long safeUnread(MemberPrincipal member) {
		return safeCount(member, notifications::unreadCount);
	}

	private Long safeUnreadMessages(MemberPrincipal member) {
		return safeCount(member, conversations::unreadCount);
	}

	/** A count that cannot be read must not cost the member the page. */
	private static Long safeCount(MemberPrincipal member, ToLongFunction<MemberId> count) {
		if (member == null) {
			return null;
		}
		try {
			return count.applyAsLong(member.memberId());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private List<BoardSummary> safeBoards() {
		try {
			return boards.all();
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}
}
