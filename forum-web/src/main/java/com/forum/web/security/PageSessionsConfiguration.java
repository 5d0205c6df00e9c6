package com.forum.web.security;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.session.autoconfigure.SessionTimeout;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.StringRedisSerializer;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.data.redis.RedisSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The page sessions of every node live in Redis (keys {@code forum:session:sessions:<id>}), so a member
 * signed in through one node is signed in on all of them. Spring Session replaces the servlet
 * container's sessions; Spring Boot's session support keeps the cookie ({@code server.servlet.session.cookie})
 * and the timeout ({@code server.servlet.session.timeout}) as configured.
 * <p>
 * The plain repository, one hash per session, not the indexed one: nothing here looks sessions up by
 * member, since a member's sessions end by their account's "signed out at" ({@link EndedSessions}), and
 * the indexed repository would cost extra keys and writes on every request and Redis keyspace
 * notifications (a configuration managed Redis services often refuse).
 * <p>
 * Attributes are stored with Java serialization: what a session holds is Spring Security's (the security
 * context with our {@link MemberPrincipal}, the CSRF token, the request saved for after sign-in), Spring
 * MVC's flash attributes (notices, a refused form with its binding result) and an {@link java.time.Instant},
 * all serializable; a JSON mapping would need a mix-in for each of Spring Security's types and a list of
 * types allowed in. Every node runs the same build; a session written by a build whose classes cannot be
 * read counts as none ({@link StoredSessions}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableSpringHttpSession
class PageSessionsConfiguration {

	static final String NAMESPACE = "forum:session";

	@Bean
	StoredSessions<?> sessionRepository(RedisConnectionFactory redis, SessionTimeout timeout) {
		RedisSessionRepository sessions = redisSessions(redis);
		sessions.setDefaultMaxInactiveInterval(timeout.getTimeout());
		return stored(sessions);
	}

	/** The sessions under {@link #NAMESPACE}, their attributes in Java serialization, as every node reads them. */
	static RedisSessionRepository redisSessions(RedisConnectionFactory redis) {
		RedisTemplate<String, Object> template = new RedisTemplate<>();
		template.setConnectionFactory(redis);
		template.setKeySerializer(StringRedisSerializer.UTF_8);
		template.setHashKeySerializer(StringRedisSerializer.UTF_8);
		JdkSerializationRedisSerializer values = new JdkSerializationRedisSerializer(
				PageSessionsConfiguration.class.getClassLoader());
		template.setValueSerializer(values);
		template.setHashValueSerializer(values);
		template.afterPropertiesSet();
		RedisSessionRepository sessions = new RedisSessionRepository(template);
		sessions.setRedisKeyNamespace(NAMESPACE);
		return sessions;
	}

	private static <S extends Session> StoredSessions<S> stored(SessionRepository<S> sessions) {
		return new StoredSessions<>(sessions);
	}

	/** Just outside the session filter, so that a session Redis cannot give is answered 503 there. */
	@Bean
	FilterRegistrationBean<SessionStoreOutage> sessionStoreOutage(LocaleResolver locales, MessageSource messages) {
		FilterRegistrationBean<SessionStoreOutage> registration = new FilterRegistrationBean<>(
				new SessionStoreOutage(locales, messages));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}
}
