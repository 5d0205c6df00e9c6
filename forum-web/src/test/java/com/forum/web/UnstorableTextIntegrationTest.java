package com.forum.web;

import java.beans.PropertyDescriptor;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.forum.web.ApiClient.Member;
import com.forum.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A NUL character (which PostgreSQL cannot store) or bytes that are not UTF-8, in any text a request
 * carries, is refused with a 400 that names the field and writes nothing. The cases are generated
 * from the application's own route list: every text field of every write route, API and form, and
 * every text query parameter of every read route, so a route added later is covered or fails here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnstorableTextIntegrationTest {

	/** Write routes that take no text at all; each still gets a case with a stray parameter. */
	private static final Set<String> WITHOUT_TEXT = Set.of("DELETE /api/v1/auth/tokens/current",
			"POST /api/v1/notifications/read-all", "POST /api/v1/notifications/{id}/read",
			"DELETE /api/v1/petitions/{id}/vote", "POST /api/v1/releases/{id}/publish",
			"DELETE /api/v1/threads/{id}", "DELETE /api/v1/threads/{id}/like", "PUT /api/v1/threads/{id}/like",
			"DELETE /api/v1/threads/{id}/lock", "PUT /api/v1/threads/{id}/lock", "DELETE /api/v1/threads/{id}/pin",
			"DELETE /api/v1/threads/{id}/feature", "PUT /api/v1/threads/{id}/feature", "POST /threads/{id}/feature",
			"PUT /api/v1/notifications/preferences", "POST /settings/notifications",
			"PUT /api/v1/threads/{id}/pin", "POST /api/v1/threads/{id}/accepted-answer",
			"DELETE /api/v1/threads/{id}/replies/{replyId}", "DELETE /api/v1/threads/{id}/replies/{replyId}/like",
			"PUT /api/v1/threads/{id}/replies/{replyId}/like", "POST /notifications/read-all",
			"POST /petitions/{id}/unvote", "POST /releases/{id}/publish", "POST /threads/{id}/accept",
			"POST /threads/{id}/delete", "POST /threads/{id}/like", "POST /threads/{id}/lock",
			"POST /threads/{id}/pin", "POST /threads/{id}/unlike", "POST /threads/{id}/replies/{rid}/delete",
			"POST /threads/{id}/replies/{rid}/like", "POST /threads/{id}/replies/{rid}/unlike",
			"POST /api/v1/admin/event-publications/resubmit", "POST /api/v1/admin/event-publications/{id}/resubmit",
			"POST /admin/event-publications/resubmit", "POST /admin/event-publications/{id}/resubmit",
			"PUT /api/v1/threads/{id}/satisfaction", "PUT /api/v1/petitions/{id}/satisfaction",
			"POST /threads/{id}/satisfaction", "POST /petitions/{id}/satisfaction",
			"POST /api/v1/shop/items/{id}/redemptions", "POST /api/v1/members/me/redemptions/{id}/cancellation",
			"PUT /api/v1/admin/shop/items/{id}", "POST /api/v1/admin/shop/redemptions/{id}/fulfilment",
			"POST /api/v1/members/me/check-ins", "POST /points/check-in", "POST /points/redemptions/{id}/cancel",
			"POST /admin/shop/items/{id}",
			"POST /admin/shop/redemptions/{id}/fulfil", "POST /api/v1/moderation/threads/{id}/keep",
			"POST /api/v1/moderation/threads/{id}/remove", "POST /api/v1/moderation/replies/{id}/keep",
			"POST /api/v1/moderation/replies/{id}/remove", "POST /moderation/threads/{id}/keep",
			"POST /moderation/threads/{id}/remove", "POST /moderation/replies/{id}/keep",
			"POST /moderation/replies/{id}/remove", "POST /api/v1/moderation/revisions/{id}/show",
			"POST /moderation/revisions/{id}/show", "POST /api/v1/launches/{id}/reservations",
			"DELETE /api/v1/launches/{id}/reservations/mine", "POST /api/v1/launches/{id}/waitlist",
			"DELETE /api/v1/launches/{id}/waitlist", "PUT /api/v1/launches/{id}/watch",
			"DELETE /api/v1/launches/{id}/watch", "POST /api/v1/launches/{id}/open", "POST /api/v1/launches/{id}/pause",
			"POST /api/v1/launches/{id}/resume", "POST /api/v1/launches/{id}/close",
			"POST /api/v1/store/reservation-codes/{code}/redemption", "POST /launches/{id}/reservation",
			"POST /launches/{id}/reservation/cancel", "POST /launches/{id}/waitlist", "POST /launches/{id}/waitlist/leave",
			"POST /launches/{id}/watch", "POST /launches/{id}/unwatch", "POST /launches/{id}/open",
			"POST /launches/{id}/pause", "POST /launches/{id}/resume", "POST /launches/{id}/close",
			"POST /api/v1/members/me/email-confirmations", "POST /api/v1/members/me/sign-out-everywhere",
			"DELETE /api/v1/members/me/tokens/{id}", "POST /account/confirmation", "POST /account/sign-out-everywhere",
			"POST /account/tokens/{id}/revoke",
			// private messages
			"POST /api/v1/conversations/{id}/read", "DELETE /api/v1/conversations/{id}/participants/me",
			"PUT /api/v1/members/{username}/block", "DELETE /api/v1/members/{username}/block",
			"POST /messages/{id}/leave", "POST /settings/blocked/{username}/unblock",
			// polls and bookmarks
			"PUT /api/v1/threads/{id}/poll/vote", "DELETE /api/v1/threads/{id}/poll/vote",
			"POST /api/v1/threads/{id}/poll/close", "POST /threads/{id}/poll/vote", "POST /threads/{id}/poll/retract",
			"POST /threads/{id}/poll/close", "PUT /api/v1/bookmarks/threads/{id}", "DELETE /api/v1/bookmarks/threads/{id}",
			"PUT /api/v1/bookmarks/replies/{id}", "DELETE /api/v1/bookmarks/replies/{id}",
			"POST /threads/{id}/bookmark", "POST /threads/{id}/replies/{rid}/bookmark",
			// uploads: an image file is all they take
			"POST /api/v1/uploads", "PUT /api/v1/members/me/avatar", "DELETE /api/v1/members/me/avatar",
			"POST /uploads", "POST /settings/avatar", "POST /settings/avatar/delete",
			// watching, new and unread, following
			"POST /api/v1/threads/new/dismiss", "POST /api/v1/threads/unread/dismiss", "POST /new/dismiss",
			"POST /unread/dismiss", "PUT /api/v1/members/{username}/follow", "DELETE /api/v1/members/{username}/follow",
			"POST /members/{username}/follow", "POST /members/{username}/unfollow");

	private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CONTROL_CHARACTER = "must not contain control characters";

	private static final String NOT_UTF_8 = "must be valid UTF-8 text";

	/**
	 * Tables a write through any route would change: their rows, and the versions of their aggregates.
	 * Event publications are counted live, archived and abandoned together, since completion and
	 * abandonment only move them, leaving out what listeners and the vote fold publish on their own time.
	 */
	private static final String FINGERPRINT = """
			select concat_ws(' ',
			  (select count(*) || '/' || sum(version) from member), (select count(*) from access_token),
			  (select count(*) || '/' || sum(version) from topic), (select count(*) || '/' || sum(version) from reply),
			  (select count(*) from post_revision), (select count(*) from post_like),
			  (select count(*) || '/' || sum(version) from petition), (select count(*) from petition_tag),
			  (select count(*) from petition_vote), (select count(*) from petition_history),
			  (select count(*) from petition_note), (select count(*) from petition_subscription),
			  (select count(*) || '/' || coalesce(sum(version_lock), 0) from release),
			  (select count(*) || '/' || coalesce(sum(version), 0) from satisfaction_rating),
			  (select count(*) from (select event_type from event_publication
			                         union all select event_type from event_publication_archive
			                         union all select event_type from event_publication_abandoned) p
			   where event_type not like '%MailQueued' and event_type not like '%PetitionVotesCounted'),
			  (select count(*) || '/' || coalesce(sum(stock), 0) || '/' || coalesce(sum(price), 0) from shop_item),
			  (select count(*) from shop_redemption), (select count(*) from shop_code),
			  (select count(*) from points_hold), (select count(*) from post_flag),
			  (select count(*) from post_revision_hidden), (select count(*) from member_offence),
			  (select count(*) || '/' || sum(slots) || '/' || sum(taken) from launch), (select count(*) from launch_window),
			  (select count(*) from launch_reservation), (select count(*) from launch_waitlist),
			  (select count(*) from launch_watch), (select count(*) from launch_audit),
			  (select count(*) || '/' || count(closed_at) from poll), (select count(*) from poll_option),
			  (select count(*) from poll_ballot), (select count(*) from poll_choice), (select count(*) from bookmark))""";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api;

	String admin;

	Browser adminBrowser;

	final Map<String, Long> ids = new LinkedHashMap<>();

	@BeforeAll
	void setUp() {
		api = new ApiClient(port);
		admin = api.token("admin", "admin-demo-2026");
		adminBrowser = new Browser(port).signIn("admin", "admin-demo-2026");
		Member member = api.newMember("writer");
		ids.put("board", api.get("/api/v1/boards/support", null).json().get("id").asLong());
		ids.put("thread", api.post("/api/v1/threads", Map.of("boardId", ids.get("board"), "title",
				"Where are the text rules?", "body", "ok"), member.token()).json().get("id").asLong());
		ids.put("reply", api.post("/api/v1/threads/" + ids.get("thread") + "/replies", Map.of("body", "here"), admin)
			.json().get("id").asLong());
		api.put("/api/v1/threads/" + ids.get("thread"), Map.of("title", "Where are the text rules?", "body", "edited"),
				member.token());
		ids.put("revision", jdbc.queryForObject(
				"select max(id) from post_revision where post_kind = 'TOPIC' and post_id = ?", Long.class, ids.get("thread")));
		ids.put("petition", api.post("/api/v1/petitions", Map.of("boardId", ids.get("board"), "title",
				"Clean text everywhere", "description", "please"), member.token()).json().get("id").asLong());
		String version = "text-" + UUID.randomUUID().toString().substring(0, 8);
		ids.put("release", api.post("/api/v1/releases", Map.of("version", version), admin).json().get("id").asLong());
		ids.put("notification", 1L);
		// the filter refuses the input before a conversation is looked up
		ids.put("conversation", 1L);
		ids.put("message", 1L);
		ids.put("item", api.post("/api/v1/admin/shop/items", Map.of("titleEn", "Clean coupon", "titleZh", "干净的优惠券",
				"kind", "coupon", "price", 1, "stock", 5), admin).json().get("id").asLong());
		api.post("/api/v1/admin/members/" + member.username() + "/points-adjustments",
				Map.of("amount", 10, "reason", "To redeem"), admin);
		ids.put("launch", api.post("/api/v1/launches", Map.of("product", "Clean phone", "slots", 5, "opensAt",
				java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString()), admin).json().get("id").asLong());
		ids.put("redemption", api.post("/api/v1/shop/items/" + ids.get("item") + "/redemptions", Map.of(),
				member.token()).json().get("id").asLong());
		settled();
	}

	/**
	 * Waits until the tables hold still: what the set-up (or a test before this class) published sets
	 * listeners going, and what they write and publish in turn would be taken for a refused write's.
	 */
	private void settled() {
		String[] last = { fingerprint() };
		Await.until(Duration.ofSeconds(30), () -> {
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			String now = fingerprint();
			boolean still = now.equals(last[0]);
			last[0] = now;
			return still;
		});
	}

	@Test
	void everyWriteRouteWithoutTextIsKnownAsSuch() {
		Set<String> withoutText = new TreeSet<>();
		for (Route route : routes()) {
			if (route.writes() && route.textInputs().isEmpty()) {
				withoutText.add(route.name());
			}
		}

		assertThat(withoutText).as("write routes that take no text: any other has no case below")
			.containsExactlyInAnyOrderElementsOf(WITHOUT_TEXT);
	}

	@TestFactory
	Stream<DynamicTest> everyWriteRouteRefusesUnstorableTextAndWritesNothing() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Route route : routes()) {
			if (!route.writes()) {
				continue;
			}
			List<Input> inputs = route.textInputs().isEmpty()
					? List.of(new Input("reason", Source.PARAMETER, false)) : route.textInputs();
			for (Input input : inputs) {
				for (Bad bad : Bad.values()) {
					tests.add(DynamicTest.dynamicTest(route.name() + " " + input.name() + " " + bad,
							() -> refused(route, input, bad)));
				}
			}
		}
		for (String field : List.of("username", "password")) {
			for (Bad bad : Bad.values()) {
				tests.add(DynamicTest.dynamicTest("POST /login " + field + " " + bad, () -> signInRefused(field, bad)));
			}
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> everyTextQueryParameterRefusesUnstorableText() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Route route : routes()) {
			if (route.writes()) {
				continue;
			}
			for (Input input : route.textInputs()) {
				for (Bad bad : Bad.values()) {
					tests.add(DynamicTest.dynamicTest(route.name() + " ?" + input.name() + " " + bad,
							() -> refused(route, input, bad)));
				}
			}
		}
		assertThat(tests).as("read routes with text parameters").isNotEmpty();
		return tests.stream();
	}

	@Test
	void tabsLineBreaksAndEmojiAreStillWelcome() {
		String text = "Line one\r\n\tindented 😀 中文";

		Response created = api.post("/api/v1/threads/" + ids.get("thread") + "/replies", Map.of("body", text), admin);
		Response found = api.get("/api/v1/petitions?tag=" + Browser.enc("😀"), null);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("body").asString()).isEqualTo(text);
		assertThat(found.status()).isEqualTo(200);
	}

	private void refused(Route route, Input input, Bad bad) {
		String before = fingerprint();
		boolean inQuery = input.source() == Source.PARAMETER && !(route.isPage() && route.writes());
		String path = route.path(ids) + (inQuery ? "?" + bad.query(input) : "");
		if (route.isPage()) {
			HttpResponse<String> page = route.writes()
					? adminBrowser.post(path, route.form(input, bad, ids) + "&_csrf=" + Browser.enc(adminBrowser.csrf()))
					: adminBrowser.get(path);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
			assertThat(page.body()).contains("The " + label(input.name(), bad, inQuery) + " " + bad.message());
		}
		else {
			Response response = input.source() == Source.JSON
					? api.sendBytes(route.method().name(), path, route.json(input, bad, ids), "application/json", admin)
					: api.sendRaw(route.method().name(), path, null, null, admin);
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
			JsonNode error = response.json().get("errors").get(0);
			assertThat(error.get("field").asString()).isEqualTo(input.field());
			assertThat(error.get("message").asString()).startsWith(bad.message());
		}
		assertThat(fingerprint()).as("rows written").isEqualTo(before);
	}

	private void signInRefused(String field, Bad bad) {
		Browser visitor = new Browser(port);
		String form = "username=" + (field.equals("username") ? bad.encoded() : "admin") + "&password="
				+ (field.equals("password") ? bad.encoded() : "admin-demo-2026") + "&_csrf="
				+ Browser.enc(visitor.csrf());

		HttpResponse<String> page = visitor.post("/login", form);

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("The " + label(field, bad, false) + " " + bad.message());
		assertThat(visitor.get("/notifications").statusCode()).as("still signed out").isEqualTo(302);
	}

	private String fingerprint() {
		return jdbc.queryForObject(FINGERPRINT, String.class);
	}

	/** The application's own routes, read from Spring MVC. */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			// the error controller answers every method; springdoc's endpoints are not ours
			if (methods.isEmpty() || !handler.getBeanType().getPackageName().startsWith("com.forum.web")) {
				continue;
			}
			for (String pattern : mapping.getKey().getPatternValues()) {
				for (RequestMethod method : methods) {
					routes.add(new Route(method, pattern, handler));
				}
			}
		}
		routes.sort((a, b) -> a.name().compareTo(b.name()));
		return routes;
	}

	/**
	 * How the error page names the field. The container cannot tell which field of a form body holds
	 * bytes that are not UTF-8, so the page speaks of the form; no browser sends such bytes anyway.
	 */
	private static String label(String field, Bad bad, boolean inQuery) {
		return bad == Bad.NOT_UTF_8 && !inQuery ? "form"
				: field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}

	/** What is wrong with the text sent, in a field's place. */
	enum Bad {

		NUL("A%00Z", CONTROL_CHARACTER), NOT_UTF_8("A%C3%28Z", UnstorableTextIntegrationTest.NOT_UTF_8);

		private final String encoded;

		private final String message;

		Bad(String encoded, String message) {
			this.encoded = encoded;
			this.message = message;
		}

		/** Percent-encoded, as forms and query strings carry it. */
		String encoded() {
			return encoded;
		}

		String message() {
			return message;
		}

		String query(Input input) {
			return input.name() + "=" + encoded;
		}

		/** Raw bytes, as a JSON body carries it: NUL escaped, the broken sequence as it came. */
		byte[] json() {
			return this == NUL ? "\"A\\u0000Z\"".getBytes(StandardCharsets.UTF_8)
					: new byte[] { '"', 'A', (byte) 0xC3, 0x28, 'Z', '"' };
		}
	}

	enum Source {

		JSON, FORM, PARAMETER
	}

	/**
	 * A text the route reads.
	 *
	 * @param many a list of texts, sent as one element
	 */
	record Input(String name, Source source, boolean many) {

		/** How the validation problem names it. */
		String field() {
			return source == Source.JSON && many ? name + "[0]" : name;
		}
	}

	record Route(RequestMethod method, String pattern, HandlerMethod handler) {

		private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

		/** Where the bad text goes: a private-use character no sample contains. */
		private static final String MARK = "\uE000";

		String name() {
			return method + " " + pattern;
		}

		boolean writes() {
			return WRITES.contains(method);
		}

		boolean isPage() {
			return !pattern.startsWith("/api/");
		}

		/** Every text the route reads: request body fields, form fields and text request parameters. */
		List<Input> textInputs() {
			List<Input> inputs = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					for (RecordComponent component : type.getRecordComponents()) {
						if (isText(component.getGenericType())) {
							inputs.add(new Input(component.getName(), Source.JSON, isMany(component.getGenericType())));
						}
					}
				}
				else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
					for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
						if (property.getWriteMethod() != null
								&& isText(property.getWriteMethod().getGenericParameterTypes()[0])) {
							inputs.add(new Input(property.getName(), Source.FORM, false));
						}
					}
				}
				else if (parameter.hasParameterAnnotation(RequestParam.class)
						&& isText(parameter.getGenericParameterType())) {
					inputs.add(new Input(parameterName(parameter), Source.PARAMETER, false));
				}
			}
			return inputs;
		}

		String path(Map<String, Long> ids) {
			Matcher variables = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (variables.find()) {
				variables.appendReplacement(path, switch (variables.group(1)) {
					// event publications are named by UUID; the filter refuses the input before any look-up
					case "id" -> pattern.contains("/event-publications/") ? java.util.UUID.randomUUID().toString()
							: pattern.contains("/redemptions/") ? Long.toString(ids.get("redemption"))
							: pattern.contains("/shop/") ? Long.toString(ids.get("item"))
							: pattern.contains("/launches/") ? Long.toString(ids.get("launch"))
							: pattern.contains("/moderation/replies/") ? Long.toString(ids.get("reply"))
							: pattern.contains("/moderation/threads/") ? Long.toString(ids.get("thread"))
							: pattern.contains("/bookmarks/replies/") ? Long.toString(ids.get("reply"))
							: pattern.contains("/bookmarks/threads/") ? Long.toString(ids.get("thread"))
							// a member's own token, by its number: the filter refuses the input before any look-up
							: pattern.contains("/tokens/") ? "1"
							: pattern.contains("/revisions/") ? Long.toString(ids.get("revision"))
							: Long.toString(ids.get(pattern.replaceFirst("^(/api/v1)?/(\\w+?)s?/.*", "$2")));
					case "replyId", "rid" -> Long.toString(ids.get("reply"));
					case "slug" -> "hyperos";
					case "code" -> "AAAA-BBBB-CCCC-DDDD";
					case "username" -> "mifan";
					default -> throw new IllegalStateException("No value for {" + variables.group(1) + "} in " + pattern);
				});
			}
			return variables.appendTail(path).toString();
		}

		/** A JSON body of the route's request type with sensible values, and the bad text in the one field. */
		byte[] json(Input input, Bad bad, Map<String, Long> ids) {
			Map<String, Object> body = new LinkedHashMap<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class)) {
					for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
						Object value = value(component.getName(), component.getGenericType(), input, ids);
						if (value != null) {
							body.put(component.getName(), value);
						}
					}
				}
			}
			byte[] json = JSON.writeValueAsBytes(body);
			return replace(json, ("\"" + MARK + "\"").getBytes(StandardCharsets.UTF_8), bad.json());
		}

		/** A form of the route with sensible values, and the bad text in the one field. */
		String form(Input input, Bad bad, Map<String, Long> ids) {
			List<String> pairs = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
					for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(parameter.getParameterType())) {
						if (property.getWriteMethod() != null) {
							Type type = property.getWriteMethod().getGenericParameterTypes()[0];
							add(pairs, property.getName(), value(property.getName(), type, input, ids), bad);
						}
					}
				}
				else if (parameter.hasParameterAnnotation(RequestParam.class)) {
					String name = parameterName(parameter);
					boolean required = parameter.getParameterAnnotation(RequestParam.class).required()
							&& ValueConstants.DEFAULT_NONE
								.equals(parameter.getParameterAnnotation(RequestParam.class).defaultValue());
					if (name.equals(input.name()) || required) {
						add(pairs, name, value(name, parameter.getGenericParameterType(), input, ids), bad);
					}
				}
			}
			if (input.source() == Source.PARAMETER && pairs.stream().noneMatch(p -> p.startsWith(input.name() + "="))) {
				pairs.add(bad.query(input));
			}
			return String.join("&", pairs);
		}

		private static void add(List<String> pairs, String name, Object value, Bad bad) {
			for (Object one : value instanceof Collection<?> many ? many : value == null ? List.of() : List.of(value)) {
				String text = one.toString();
				pairs.add(name + "=" + (text.equals(MARK) ? bad.encoded() : Browser.enc(text)));
			}
		}

		/** The bad text's mark for the field under test, else what a careful client would send. */
		private static Object value(String name, Type type, Input input, Map<String, Long> ids) {
			if (isText(type)) {
				String text = name.equals(input.name()) ? MARK : sample(name);
				return isMany(type) ? List.of(text) : text;
			}
			if (type == boolean.class || type == Boolean.class) {
				return "true";
			}
			Long id = switch (name) {
				case "boardId" -> ids.get("board");
				case "replyId" -> ids.get("reply");
				case "petitionId", "petitionIds" -> ids.get("petition");
				default -> null;
			};
			return id == null ? null : isMany(type) ? List.of(id) : id;
		}

		private static String sample(String name) {
			return switch (name) {
				case "title" -> "A title long enough";
				case "status" -> "UNDER_REVIEW";
				case "mode" -> "follow";
				case "email" -> "someone-" + UUID.randomUUID() + "@test.example";
				case "username", "version" -> "t" + UUID.randomUUID().toString().substring(0, 8);
				case "password", "confirmPassword" -> "a-long-enough-password";
				case "next" -> "/notifications";
				case "releaseAt", "query" -> "";
				default -> "Plain words";
			};
		}

		private static String parameterName(MethodParameter parameter) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			return param != null && !param.name().isEmpty() ? param.name() : parameter.getParameter().getName();
		}

		/** Text on the wire: strings, choices by name, and lists of them. */
		private static boolean isText(Type type) {
			if (type instanceof Class<?> c) {
				return c == String.class || c.isEnum();
			}
			return isMany(type) && isText(((ParameterizedType) type).getActualTypeArguments()[0]);
		}

		private static boolean isMany(Type type) {
			return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
					&& Collection.class.isAssignableFrom(raw);
		}

		private static byte[] replace(byte[] json, byte[] mark, byte[] replacement) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + replacement.length);
			for (int i = 0; i < json.length; i++) {
				if (regionMatches(json, i, mark)) {
					out.writeBytes(replacement);
					i += mark.length - 1;
				}
				else {
					out.write(json[i]);
				}
			}
			return out.toByteArray();
		}

		private static boolean regionMatches(byte[] bytes, int offset, byte[] part) {
			if (offset + part.length > bytes.length) {
				return false;
			}
			for (int i = 0; i < part.length; i++) {
				if (bytes[offset + i] != part[i]) {
					return false;
				}
			}
			return true;
		}
	}
}
