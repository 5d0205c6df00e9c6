package com.forum.web.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.forum.member.MemberId;
import com.forum.points.Ledger;
import com.forum.web.ApiClient;
import com.forum.web.ApiClient.Response;
import com.forum.web.Browser;
import com.forum.web.IntegrationTest;
import com.forum.web.Reputations;
import com.forum.web.SeededMember;
import com.forum.web.security.AccessRules.Case;
import com.forum.web.security.AccessRules.Refusal;
import com.forum.web.security.AccessRules.Role;
import com.forum.web.security.MatrixSeeds.World;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's access-control matrix. The routes come from the running application (every handler
 * method Spring MVC maps, and the static resources), the expectations from
 * {@code security/access-matrix.yml}: a route without a rule, or a rule without a route, fails the
 * build. Every route is then called for real by each role: anonymous, a member, the owner of the
 * resource in its path, a moderator, an employee and an admin. A role the rule refuses must be
 * answered 401 (API) or sent to sign in (pages) when it has no session, else 403 (404 where the
 * resource is not shown to it), and a refused write must change no row; a role the rule allows must
 * not be refused (400, 404 or 409 are fine: the matrix proves who gets past authorization, not what
 * the action then does). The matrix is printed at the end and written to
 * {@code target/access-matrix.txt}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A seeded resource's id in an address or a body: {@code {id}} after /threads/ is a thread. */
	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate db;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Ledger ledger;

	AccessRules rules;

	ApiClient api;

	MatrixSeeds seeds;

	final Map<Role, Caller> callers = new EnumMap<>(Role.class);

	final Map<String, World> readWorlds = new HashMap<>();

	/** Route (and state) to role to what it was answered, for the printed matrix. */
	final Map<String, Map<Role, String>> matrix = new TreeMap<>();

	final Map<String, String> ownership = new TreeMap<>();

	int checks;

	long checkNanos;

	long comparingNanos;

	@BeforeAll
	void setUp() throws InterruptedException {
		rules = AccessRules.load();
		api = new ApiClient(port);
		for (Role role : Role.values()) {
			callers.put(role, caller(role, true));
		}
		seeds = new MatrixSeeds(api, db, redis, callers.get(Role.OWNER).member(), callers.get(Role.ADMIN).token(),
				callers.values().stream().filter(c -> c.member() != null).map(c -> c.member().id()).toList());
		seeds.awaitSale();
	}

	@Test
	void everyRouteOfTheApplicationHasARuleAndEveryRuleARoute() {
		Set<String> routes = routes().keySet();

		Set<String> unruled = new TreeSet<>(routes);
		unruled.removeAll(rules.routes());
		Set<String> gone = new TreeSet<>(rules.routes());
		gone.removeAll(routes);

		assertThat(unruled).as("""
				routes without a rule: add a line for each to forum-web/src/test/resources/%s saying who may call \
				it, e.g.
				  "GET /things/{id}": everyone
				  "POST /api/v1/things/{id}/archive": [owner, moderators]
				(roles: anonymous, member, owner, moderator, employee, admin; groups: everyone, signed-in, \
				moderators, staff; see the file's head for bodies, forms and states)""", AccessRules.RESOURCE)
			.isEmpty();
		assertThat(gone).as("rules for routes the application no longer has: remove them from %s",
				AccessRules.RESOURCE).isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyRouteAnswersEachRoleAsItsRuleSays() {
		List<DynamicTest> tests = new ArrayList<>();
		routes().forEach((name, route) -> {
			if (rules.of(name) != null) {
				tests.add(DynamicTest.dynamicTest(name, () -> check(route)));
			}
		});
		return tests.stream();
	}

	@AfterAll
	void printMatrix() throws IOException {
		StringBuilder out = new StringBuilder();
		int width = matrix.keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
		out.append(String.format("%-" + width + "s", "route"));
		for (Role role : Role.values()) {
			out.append(String.format("%-15s", role.label()));
		}
		out.append('\n');
		matrix.forEach((route, answers) -> {
			out.append(String.format("%-" + width + "s", route));
			for (Role role : Role.values()) {
				out.append(String.format("%-15s", answers.getOrDefault(role, "")));
			}
			out.append('\n');
		});
		out.append("\n(a number is the status answered; 'no' marks a role the rule refuses, ->login a redirect to "
				+ "sign in)\n\nOwnership: a member who is not the owner is answered\n");
		ownership.forEach((route, answer) -> out.append("  ").append(route).append(": ").append(answer).append('\n'));
		long refused = matrix.values().stream().flatMap(m -> m.values().stream()).filter(a -> a.startsWith("no")).count();
		out.append(String.format("%nAccess matrix: %d routes, %d cases, %d checks (%d refused) in %.1f s (%.0f ms a "
				+ "check): %.1f s making the resources they act on, %.1f s comparing rows before and after refused "
				+ "writes%n", routes().size(), matrix.size(), checks, refused, checkNanos / 1e9,
				checkNanos / 1e6 / Math.max(1, checks), seeds.seedSeconds(), comparingNanos / 1e9));
		System.out.println(out);
		Path file = Path.of("target", "access-matrix.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, out);
	}

	private void check(Route route) {
		long start = System.nanoTime();
		SoftAssertions softly = new SoftAssertions();
		List<Case> cases = rules.of(route.name());
		for (int n = 0; n < cases.size(); n++) {
			Case rule = cases.get(n);
			String row = route.name() + (rule.state() != null ? " (" + rule.state() + ")"
					: cases.size() == 1 ? "" : rule.path() != null ? " (" + rule.path() + ")" : " (" + (n + 1) + ")");
			Map<Role, String> answers = matrix.computeIfAbsent(row, r -> new EnumMap<>(Role.class));
			World shared = route.writes() ? seeds.world(rule.state())
					: readWorlds.computeIfAbsent(String.valueOf(rule.state()), s -> seeds.world(rule.state()));
			// the refused first: they change nothing, which is checked
			for (Role role : Role.values()) {
				if (rule.allows(role)) {
					continue;
				}
				Request request = request(route, rule, shared);
				String before = route.writes() ? fingerprint(shared) : null;
				Answer answer = call(route, rule, role, request);
				answers.put(role, "no " + answer);
				String as = "%s as %s (refused): %s".formatted(row, role.label(), answer.describe());
				if (rule.refusal() == Refusal.NO_EFFECT) {
					softly.assertThat(answer.status()).as(as).isLessThan(500);
				}
				else {
					softly.assertThat(refused(answer, role, rule)).as(as).isTrue();
				}
				if (before != null) {
					softly.assertThat(fingerprint(shared)).as("%s: rows changed by a refused call", as).isEqualTo(before);
				}
				if (role == Role.MEMBER && rule.allows(Role.OWNER)) {
					ownership.put(row, answer.toString());
				}
			}
			for (Role role : Role.values()) {
				if (!rule.allows(role)) {
					continue;
				}
				World world = rule.consumes() ? seeds.world(rule.state()) : shared;
				Answer answer = call(route, rule, role, request(route, rule, world));
				answers.put(role, answer.toString());
				String as = "%s as %s (allowed): %s".formatted(row, role.label(), answer.describe());
				softly.assertThat(answer.signIn() || answer.status() == 403).as(as).isFalse();
				// the error page called by itself shows the error it has, which is none: a 500 without a cause
				if (!route.pattern().equals("/error")) {
					softly.assertThat(answer.status()).as(as).isLessThan(500);
				}
				if (rule.refusal() == Refusal.NOT_FOUND) {
					softly.assertThat(answer.status()).as("%s, so a 404 would not tell a refusal", as).isNotEqualTo(404);
				}
			}
		}
		checkNanos += System.nanoTime() - start;
		softly.assertAll();
	}

	private String fingerprint(World world) {
		long start = System.nanoTime();
		String fingerprint = world.fingerprint();
		comparingNanos += System.nanoTime() - start;
		return fingerprint;
	}

	private static boolean refused(Answer answer, Role role, Case rule) {
		return answer.status() == 403 || role == Role.ANONYMOUS && answer.signIn()
				|| rule.refusal() == Refusal.NOT_FOUND && answer.status() == 404;
	}

	/** The address and body of a call, with the resources they name made before anything is compared. */
	private static Request request(Route route, Case rule, World world) {
		String path = rule.path() != null ? rule.path() : fill(route, world);
		if (route.isApi()) {
			return new Request(path, rule.body() == null ? null : JSON.writeValueAsString(resolve(rule.body(), world)));
		}
		return new Request(path, rule.form() == null ? null : form((Map<?, ?>) resolve(rule.form(), world)));
	}

	private Answer call(Route route, Case rule, Role role, Request request) {
		checks++;
		Caller caller = rule.throwaway() ? caller(role, !route.isApi()) : callers.get(role);
		if (route.isApi()) {
			Response response = api.sendRaw(route.method(), request.path(), request.body(),
					request.body() == null ? null : "application/json", caller.token());
			return new Answer(response.status(), null);
		}
		HttpResponse<String> page = route.method().equals("POST")
				? caller.browser().post(request.path(), (request.body() == null ? "" : request.body() + "&")
						+ "_csrf=" + Browser.enc(caller.csrf()))
				: caller.browser().get(request.path());
		return new Answer(page.statusCode(), page.headers().firstValue("Location").orElse(null));
	}

	/** The route's address with its variables standing for seeded resources. */
	private static String fill(Route route, World world) {
		Matcher variables = VARIABLE.matcher(route.pattern());
		StringBuilder path = new StringBuilder();
		while (variables.find()) {
			variables.appendReplacement(path, Matcher.quoteReplacement(
					String.valueOf(world.value(kindOf(route.pattern(), variables.group(1))))));
		}
		return variables.appendTail(path).toString();
	}

	/** What a variable names: {@code {id}} is the resource named by the segment before it. */
	private static String kindOf(String pattern, String variable) {
		return switch (variable) {
			case "replyId", "rid" -> "reply";
			case "slug", "username", "code" -> variable;
			case "id" -> {
				Matcher segment = Pattern.compile("/([\\w-]+)/\\{id}").matcher(pattern);
				if (!segment.find()) {
					throw new IllegalStateException("No resource before {id} in " + pattern);
				}
				yield switch (segment.group(1)) {
					case "threads" -> "thread";
					case "replies" -> "reply";
					case "revisions" -> "revision";
					case "petitions" -> "petition";
					case "releases" -> "release";
					case "launches" -> "launch";
					case "items", "shop" -> "item";
					case "redemptions" -> "redemption";
					case "tokens" -> "token";
					case "notifications" -> "notification";
					case "event-publications" -> "event";
					case "conversations", "messages" -> "conversation";
					default -> throw new IllegalStateException("No seed for {id} after /" + segment.group(1) + "/ in "
							+ pattern + ": add one to kindOf and MatrixSeeds");
				};
			}
			default -> throw new IllegalStateException("No seed for {" + variable + "} in " + pattern);
		};
	}

	/** A body or form value: {@code "{thread}"} is the seeded thread's id. */
	private static Object resolve(Object value, World world) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> resolved = new LinkedHashMap<>();
			map.forEach((k, v) -> resolved.put(k.toString(), resolve(v, world)));
			return resolved;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(v -> resolve(v, world)).toList();
		}
		if (value instanceof String text) {
			Matcher whole = Pattern.compile("\\{([\\w-]+)}").matcher(text);
			if (whole.matches()) {
				return world.value(whole.group(1));
			}
		}
		return value;
	}

	private static String form(Map<?, ?> fields) {
		List<String> pairs = new ArrayList<>();
		fields.forEach((name, value) -> {
			for (Object one : value instanceof List<?> many ? many : List.of(value)) {
				pairs.add(name + "=" + Browser.enc(String.valueOf(one)));
			}
		});
		return String.join("&", pairs);
	}

	/**
	 * A caller of the role, signed in on the pages and holding a token for the API. Members have 100
	 * reputation: enough for votes, likes, links and flags, short of the privileges that act on others'
	 * posts and petitions (those are PrivilegeMatrixIntegrationTest's). Signing in on the pages takes
	 * a password hash, so a caller made for one API call skips it.
	 */
	private Caller caller(Role role, boolean pages) {
		if (role == Role.ANONYMOUS) {
			Browser browser = new Browser(port);
			return new Caller(null, browser, Browser.csrf(browser.get("/login").body()));
		}
		String storedRole = role == Role.OWNER ? "MEMBER" : role.name();
		SeededMember member = SeededMember.signable(db, passwords, "matrix-" + role.label(), storedRole);
		if (storedRole.equals("MEMBER")) {
			Reputations.set(ledger, new MemberId(member.id()), 100);
		}
		if (!pages) {
			return new Caller(member, null, null);
		}
		Browser browser = new Browser(port).signIn(member.username(), SeededMember.PASSWORD);
		return new Caller(member, browser, browser.csrf());
	}

	/** The application's routes: every handler method Spring MVC maps, and the static resources. */
	private Map<String, Route> routes() {
		Map<String, Route> routes = new TreeMap<>();
		for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					// a handler for any method (the error page) is reached by GET like any page
					for (String method : methods.isEmpty() ? Set.of("ANY")
							: methods.stream().map(Enum::name).collect(Collectors.toSet())) {
						Route route = new Route(method, pattern);
						routes.put(route.name(), route);
					}
				}
			}
		}
		for (SimpleUrlHandlerMapping mapping : context.getBeansOfType(SimpleUrlHandlerMapping.class).values()) {
			for (String pattern : mapping.getHandlerMap().keySet()) {
				Route route = new Route("GET", pattern);
				routes.put(route.name(), route);
			}
		}
		return routes;
	}

	record Route(String method, String pattern) {

		String name() {
			return method + " " + pattern;
		}

		boolean writes() {
			return WRITES.contains(method);
		}

		boolean isApi() {
			return pattern.startsWith("/api/");
		}

		@Override
		public String method() {
			return method.equals("ANY") ? "GET" : method;
		}
	}

	/** @param body JSON for the API, an encoded form for pages, or null */
	record Request(String path, String body) {
	}

	record Caller(SeededMember member, Browser browser, String csrf) {

		String token() {
			return member == null ? null : member.token();
		}
	}

	/** What a call was answered: its status, and where a redirect sent the caller. */
	record Answer(int status, String location) {

		/** Refused for want of a sign-in: 401 on the API, the sign-in page for a page. */
		boolean signIn() {
			if (status == 401) {
				return true;
			}
			if (status != 302 || location == null) {
				return false;
			}
			URI target = URI.create(location);
			return "/login".equals(target.getPath()) && target.getQuery() == null;
		}

		String describe() {
			return status + (location == null ? "" : " to " + location);
		}

		@Override
		public String toString() {
			return signIn() && status == 302 ? "302->login" : Integer.toString(status);
		}
	}
}
