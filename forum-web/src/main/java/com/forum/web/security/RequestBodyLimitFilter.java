package com.forum.web.security;

import java.io.IOException;
import java.util.Locale;

import com.forum.web.problem.ProblemType;
import com.forum.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code forum.security.max-request-body} (512 KB) before anything
 * reads it: a declared length over the cap is answered 413 at once, unread, and the connection is closed
 * rather than drained; a body without a declared length (chunked) is counted as it is read and refused
 * once it passes the cap. So a 20 MB JSON body costs the server its headers, not 20 MB of parsing. (The
 * multipart body, which carries an uploaded image, is held to {@code forum.security.max-upload-body} instead;
 * a form without a declared length is also held to the container's own form limit.)
 */
@Component
// first of all, before the text check reads JSON bodies whole and before Spring Security reads the sign-in form
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	private final long maxTextBytes;

	private final long maxUploadBytes;

	RequestBodyLimitFilter(ProblemWriter problems, SecurityProperties properties) {
		this.problems = problems;
		this.maxTextBytes = properties.maxRequestBody().toBytes();
		this.maxUploadBytes = properties.maxUploadBody().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
		long maxBytes = multipart ? maxUploadBytes : maxTextBytes;
		if (request.getContentLengthLong() > maxBytes) {
			refuse(request, response, maxBytes);
			return;
		}
		try {
			chain.doFilter(request.getContentLengthLong() < 0 ? new Capped(request, maxBytes) : request, response);
		}
		catch (TooLarge | ServletException ex) {
			if (!(ex instanceof TooLarge) && !(ex.getCause() instanceof TooLarge)) {
				throw ex;
			}
			if (response.isCommitted()) {
				throw new IOException("Request body larger than " + maxBytes + " bytes", ex);
			}
			response.resetBuffer();
			refuse(request, response, maxBytes);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
		// the rest of the body is not wanted: closing beats reading megabytes only to throw them away
		response.setHeader(HttpHeaders.CONNECTION, "close");
		long kilobytes = maxBytes / 1024;
		ProblemDetail problem = ProblemType.PAYLOAD_TOO_LARGE
			.detail(problems.text(request, "problem.detail.payload-too-large", kilobytes));
		problem.setProperty("maxBytes", maxBytes);
		problems.refuse(request, response, problem, problem.getDetail());
		if (!response.isCommitted() && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			// sent now, before the container gets to discard (or give up on) the unread body
			response.flushBuffer();
		}
	}

	/** Thrown by a capped body once it passes the cap. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("request body too large");
		}
	}

	/** A request whose body stream fails once more than the cap has been read. */
	private static final class Capped extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Capped(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream body = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = body.read();
						count(b < 0 ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = body.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) throws TooLarge {
						read += n;
						if (read > maxBytes) {
							throw new TooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return body.isFinished();
					}

					@Override
					public boolean isReady() {
						return body.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						body.setReadListener(listener);
					}
				};
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}
	}
}
