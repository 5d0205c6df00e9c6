package com.forum.web.security;

import java.util.ArrayList;
import java.util.List;

import com.forum.launch.Reservations;
import com.forum.member.AccessTokens;
import com.forum.shared.ReadReplicaProperties;
import com.forum.web.problem.ProblemType;
import com.forum.web.problem.ProblemWriter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two doors: programs use {@code /api/**} with bearer tokens and no session (so no CSRF exposure);
 * people use pages with form login, a session cookie and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/**
	 * Images come from the app alone: outside images of user content load through its image proxy, so
	 * no reader's browser ever calls a host of a poster's choosing.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

	/**
	 * No observation of each security filter, authentication and authorization decision: with a meter
	 * registry present, Spring Security wraps every filter of the chain in an observation of its own (a timer,
	 * a long task timer and tags before and after each), which cost a launch attempt more than its token
	 * check, rate limit and admission together. Every request is still timed as a whole
	 * ({@code http.server.requests}, with its status and route).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The load balancer's health checks: liveness and readiness answer anyone (with a status and nothing
	 * else), every other actuator address no one. No session, no cookie, no CSRF: nothing here changes state.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain health(HttpSecurity http) throws Exception {
		return stateless(http.securityMatcher("/actuator/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
						"/actuator/health/readiness")
				.permitAll()
				.anyRequest()
				.denyAll())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, ProblemWriter problems, RateLimits limits,
			Reservations reservations, StringRedisTemplate redis, ReadReplicaProperties replica)
			throws Exception {
		return stateless(http.securityMatcher("/api/**"))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/members", "/api/v1/auth/tokens",
						"/api/v1/auth/email-confirmations", "/api/v1/auth/password-resets", "/api/v1/auth/new-passwords")
				.permitAll()
				.requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
				.requestMatchers("/api/v1/triage/**").hasAnyRole("EMPLOYEE", "ADMIN")
				// the review queue and its decisions are the moderators' (admins moderate too)
				.requestMatchers("/api/v1/moderation/**").hasAnyRole("MODERATOR", "ADMIN")
				// launches are run by employees (admins too); the store's redemption of codes is theirs as well
				.requestMatchers(HttpMethod.POST, "/api/v1/launches", "/api/v1/launches/*/open", "/api/v1/launches/*/pause",
						"/api/v1/launches/*/resume", "/api/v1/launches/*/close")
				.hasAnyRole("EMPLOYEE", "ADMIN")
				.requestMatchers(HttpMethod.PUT, "/api/v1/launches/*").hasAnyRole("EMPLOYEE", "ADMIN")
				.requestMatchers(HttpMethod.GET, "/api/v1/launches/*/figures").hasAnyRole("EMPLOYEE", "ADMIN")
				.requestMatchers("/api/v1/store/**").hasAnyRole("EMPLOYEE", "ADMIN")
				.requestMatchers(HttpMethod.PUT, "/api/v1/threads/*/satisfaction", "/api/v1/petitions/*/satisfaction")
				.authenticated()
				.requestMatchers(reading("/api/v1/notifications/**", "/api/v1/petitions/*/notes", "/api/v1/members/me",
						"/api/v1/members/me/**", "/api/v1/conversations", "/api/v1/conversations/**", "/api/v1/bookmarks",
						"/api/v1/threads/new", "/api/v1/threads/unread"))
				.authenticated()
				.requestMatchers(reading("/api/v1/**")).permitAll()
				.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens, problems, limits), UsernamePasswordAuthenticationFilter.class)
			// a member's retry at a launch that just told them "sold out" hears it again at once
			.addFilterAfter(new SoldOutRetries(reservations, problems), BearerTokenFilter.class)
			// a member who just wrote reads from the primary for a while
			.addFilterBefore(new ReadYourWrites(redis, replica), AuthorizationFilter.class)
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> {
					response.setHeader("WWW-Authenticate", "Bearer");
					problems.write(request, response, ProblemType.UNAUTHORIZED
						.detail(problems.text(request, "problem.detail.sign-in")));
				})
				.accessDeniedHandler((request, response, ex) -> problems.write(request, response,
						ProblemType.FORBIDDEN.detail(problems.text(request, "problem.type.forbidden")))))
			.build();
	}

	/** A chain for programs: no session, no cookie, no CSRF token, no sign-in form or redirect. */
	private static HttpSecurity stateless(HttpSecurity http) throws Exception {
		return http
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable());
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager, AccountStates accounts,
			StringRedisTemplate redis, ReadReplicaProperties replica)
			throws Exception {
		return http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/admin/**").hasRole("ADMIN")
				.requestMatchers("/triage", "/triage/**", "/releases/new").hasAnyRole("EMPLOYEE", "ADMIN")
				.requestMatchers("/moderation", "/moderation/**").hasAnyRole("MODERATOR", "ADMIN")
				// launches are run by employees (admins too), who also redeem codes at the store's counter;
				// members read launches and reserve (any other write below needs a sign-in)
				.requestMatchers("/launches/new", "/launches/*/edit", "/launches/*/figures", "/store/**")
				.hasAnyRole("EMPLOYEE", "ADMIN")
				.requestMatchers(HttpMethod.POST, "/launches", "/launches/*", "/launches/*/open", "/launches/*/pause",
						"/launches/*/resume", "/launches/*/close")
				.hasAnyRole("EMPLOYEE", "ADMIN")
				.requestMatchers(reading("/launches", "/launches/*")).permitAll()
				.requestMatchers(reading("/petitions/new")).authenticated()
				.requestMatchers(reading("/petitions", "/petitions/*", "/roadmap", "/releases", "/releases/*", "/shop",
						"/shop/*"))
				.permitAll()
				.requestMatchers(reading("/leaderboards", "/badges")).permitAll()
				.requestMatchers(reading("/", "/boards/*", "/featured", "/hot", "/threads/*", "/threads/*/history", "/search",
						"/members/*",
						"/language",
						"/privileges",
						"/login", "/register", "/register/sent", "/account/confirm", "/password/forgot", "/password/reset",
						"/image-proxy",
						// members' uploaded images (forum.uploads.path)
						"/uploads/*",
						"/css/**", "/js/**", "/images/**", "/favicon.ico", "/error", "/problems/**",
						"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"))
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/register", "/language", "/account/confirm", "/password/forgot",
						"/password/reset")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/threads/*/satisfaction", "/petitions/*/satisfaction").authenticated()
				.requestMatchers("/error").permitAll()
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).successHandler(loginSuccess())
				.permitAll())
			// a session begun before its member signed out everywhere is over
			.addFilterBefore(new EndedSessions(accounts), AuthorizationFilter.class)
			// a member who just wrote reads from the primary for a while
			.addFilterBefore(new ReadYourWrites(redis, replica), AuthorizationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

	/**
	 * Reading a resource, by GET or by HEAD: HEAD is a GET without the body, so whoever may GET an
	 * address may HEAD it, and a rule that keeps GET to members keeps HEAD to them as well.
	 */
	private static RequestMatcher reading(String... patterns) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		List<RequestMatcher> matchers = new ArrayList<>();
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
			for (String pattern : patterns) {
				matchers.add(paths.matcher(method, pattern));
			}
		}
		return new OrRequestMatcher(matchers);
	}

	/** Back to where the member was going, noting when their session began (see {@link EndedSessions}). */
	private static AuthenticationSuccessHandler loginSuccess() {
		SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
		return (request, response, authentication) -> {
			EndedSessions.begun(request);
			saved.onAuthenticationSuccess(request, response, authentication);
		};
	}

	/** One message for a wrong name and a wrong password alike, so accounts can't be probed. */
	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, ex) -> {
			String target = ex instanceof LoginThrottledException throttled
					? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error";
			response.sendRedirect(request.getContextPath() + target);
		};
	}
}
