package com.forum.web.input;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.forum.web.problem.InvalidField;
import com.forum.web.problem.ProblemType;
import com.forum.web.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses text that no field may hold, before any part of the application reads it: bytes that are
 * not UTF-8, unpaired surrogates (which have no UTF-8 form and would be stored as "?"), and control
 * characters other than tab, line feed and carriage return. PostgreSQL cannot store NUL at all, so
 * a NUL anywhere used to end as a server error in the middle of a transaction; the other controls
 * are never typed by people and only cause trouble in pages, mail and exports.
 * <p>
 * One check for every query and form parameter (the sign-in form included, which no controller
 * sees) and for every property name and string of a JSON body, so a new field cannot be forgotten.
 * A program gets a validation problem naming the field; a person gets the error page saying which
 * field to correct.
 */
@Component
// after the character-encoding filter has set UTF-8, before Spring Security reads the sign-in form
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TextInputFilter extends OncePerRequestFilter {

	static final String CONTROL_CHARACTER = "must not contain control characters (tabs and line breaks are fine)";

	static final String NOT_UTF_8 = "must be valid UTF-8 text";

	/** Where a bad byte is when the container cannot say which form field holds it. */
	private static final String FORM = "form";

	/** Where a bad byte is when it lies outside any property of a JSON body. */
	private static final String BODY = "body";

	private final ProblemWriter problems;

	private final JsonMapper json;

	TextInputFilter(ProblemWriter problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<InvalidField> invalid = invalidParameter(request);
		HttpServletRequest checked = request;
		Optional<Charset> jsonCharset = jsonCharset(request);
		if (invalid.isEmpty() && jsonCharset.isPresent()) {
			byte[] body = request.getInputStream().readAllBytes();
			invalid = invalidJson(body, jsonCharset.get());
			checked = new ReadBody(request, body, jsonCharset.get());
		}
		if (invalid.isPresent()) {
			InvalidField field = invalid.get();
			InvalidField said = new InvalidField(field.field(), problems.text(request, messageKey(field.message())));
			problems.refuse(request, response,
					ProblemType.validation(List.of(said), problems.text(request, "problem.detail.validation")),
					problems.text(request, "problem.detail.unstorable-text", readable(field.field()), said.message()));
			return;
		}
		chain.doFilter(checked, response);
	}

	/** What is wrong with a text, or null if any field may hold it. */
	static String problem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				return CONTROL_CHARACTER;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return NOT_UTF_8;
			}
		}
		return null;
	}

	private static Optional<InvalidField> invalidParameter(HttpServletRequest request) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			// the container refuses parameters it cannot decode (Tomcat: InvalidParameterException); any
			// other refusal, such as too many parameters, keeps its own answer
			if (!(ex.getCause() instanceof CharacterCodingException)) {
				throw ex;
			}
			return Optional.of(new InvalidField(undecodable(request.getQueryString()).orElse(FORM), NOT_UTF_8));
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String problem = problem(parameter.getKey());
			for (String value : parameter.getValue()) {
				problem = problem != null ? problem : problem(value);
			}
			if (problem != null) {
				return Optional.of(new InvalidField(parameter.getKey(), problem));
			}
		}
		return Optional.empty();
	}

	/** The query parameter whose name or value is not UTF-8 once percent-decoded; empty if the form body holds it. */
	private static Optional<String> undecodable(String query) {
		if (query == null) {
			return Optional.empty();
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = equals < 0 ? pair : pair.substring(0, equals);
			if (!isUtf8(percentDecoded(pair))) {
				return Optional.of(new String(percentDecoded(name), StandardCharsets.UTF_8));
			}
		}
		return Optional.empty();
	}

	private static byte[] percentDecoded(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
			int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
			if (c == '%' && high >= 0 && low >= 0) {
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.write(c == '+' ? ' ' : c);
			}
		}
		return bytes.toByteArray();
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/** The charset of a JSON body (UTF-8 unless the request says otherwise); empty for anything else. */
	private static Optional<Charset> jsonCharset(HttpServletRequest request) {
		if (request.getContentType() == null) {
			return Optional.empty();
		}
		try {
			MediaType type = MediaType.parseMediaType(request.getContentType());
			boolean isJson = MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
			return isJson ? Optional.of(type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset())
					: Optional.empty();
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The first property name or string of a JSON body that no field may hold. A body that is not
	 * JSON at all is left to the message converter, which says so in its own words.
	 */
	private Optional<InvalidField> invalidJson(byte[] body, Charset charset) {
		if (body.length == 0) {
			return Optional.empty();
		}
		boolean utf8 = StandardCharsets.UTF_8.equals(charset);
		JsonParser parser = utf8 ? json.createParser(body)
				: json.createParser(new InputStreamReader(new ByteArrayInputStream(body), charset));
		try (parser) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
					String problem = problem(parser.getString());
					if (problem != null) {
						return Optional.of(new InvalidField(path(parser.streamReadContext()), problem));
					}
				}
			}
			return Optional.empty();
		}
		catch (JacksonException ex) {
			return utf8 && !isUtf8(body) ? Optional.of(new InvalidField(path(parser.streamReadContext()), NOT_UTF_8))
					: Optional.empty();
		}
	}

	/** {@code title}, {@code tags[1]}, {@code release.notes}: where the parser stands, as the errors name fields. */
	private static String path(TokenStreamContext context) {
		Deque<TokenStreamContext> levels = new ArrayDeque<>();
		for (TokenStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
			levels.addFirst(level);
		}
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext level : levels) {
			if (level.inArray()) {
				path.append('[').append(Math.max(level.getCurrentIndex(), 0)).append(']');
			}
			else if (level.currentName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(level.currentName());
			}
		}
		return path.isEmpty() ? BODY : path.toString();
	}

	/** "The device model must not contain control characters ...": the error page's words for a person. */
	/** A field's name as a page may show it: "device model", and no control characters of its own. */
	private static String readable(String field) {
		return field.replaceAll("\\p{Cntrl}", "?").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

	private static String messageKey(String problem) {
		return problem.equals(CONTROL_CHARACTER) ? "problem.invalid.control-character" : "problem.invalid.not-utf-8";
	}

	/** The request with its body already read here, so that whoever reads it next gets all of it. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private final Charset charset;

		ReadBody(HttpServletRequest request, byte[] body, Charset charset) {
			super(request);
			this.body = body;
			this.charset = charset;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has been read already");
				}

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
	}
}
