package com.forum.web.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented choice for Redis being away, with the session filter wired to a port where nothing
 * listens: a page request with a session cookie is answered 503 with Retry-After in the reader's
 * language, quickly; a reader without a session cookie never asks Redis and is served.
 */
class SessionStoreOutageTest {

	LettuceConnectionFactory unreachable;

	SessionStoreOutage outage;

	SessionRepositoryFilter<?> sessions;

	@BeforeEach
	void wireToAPortWithNothingListening() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort));
		unreachable.afterPropertiesSet();
		unreachable.start();
		sessions = new SessionRepositoryFilter<>(
				new StoredSessions<>(PageSessionsConfiguration.redisSessions(unreachable)));
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName("JSESSIONID");
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(cookies);
		sessions.setHttpSessionIdResolver(resolver);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages/sessions");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
		locales.setDefaultLocale(Locale.ENGLISH);
		outage = new SessionStoreOutage(locales, messages);
	}

	@AfterEach
	void close() {
		unreachable.destroy();
	}

	@Test
	void aPageWithASessionCookieIsAnswered503WithRetryAfterInTheReadersLanguage() throws Exception {
		long started = System.nanoTime();
		MockHttpServletResponse english = page(true, "en");
		MockHttpServletResponse chinese = page(true, "zh-CN");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(english.getStatus()).isEqualTo(503);
		assertThat(english.getHeader("Retry-After")).isEqualTo(Integer.toString(SessionStoreOutage.RETRY_AFTER_SECONDS));
		assertThat(english.getContentAsString()).contains("Your session cannot be read right now");
		assertThat(english.getHeaders("Set-Cookie")).isEmpty();
		assertThat(chinese.getStatus()).isEqualTo(503);
		assertThat(chinese.getContentAsString(StandardCharsets.UTF_8)).contains("暂时无法读取您的会话");
	}

	@Test
	void aReaderWithoutASessionCookieIsServedWhileRedisIsAway() throws Exception {
		MockHttpServletResponse response = page(false, "en");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("read");
	}

	/** A page that looks for its reader's session, as Spring Security does on every page. */
	private MockHttpServletResponse page(boolean withSessionCookie, String language) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/threads/1");
		request.addHeader("Accept-Language", language);
		if (withSessionCookie) {
			request.setCookies(new jakarta.servlet.http.Cookie("JSESSIONID",
					Base64.getEncoder().encodeToString("a-session-id".getBytes(StandardCharsets.UTF_8))));
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		HttpServlet servlet = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
				req.getSession(false);
				resp.getWriter().write("read");
			}
		};
		new MockFilterChain(servlet, new Filter[] { outage, sessions }).doFilter(request, response);
		return response;
	}
}
