package com.forum.shared.internal;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;

import com.forum.shared.ListenerLane;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.Advisor;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ConcurrentLruCache;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EventDeliveryConfiguration {

	/**
	 * Keeps why a listener failed next to its publication: Modulith marks the publication failed but
	 * keeps no error, and admins need one to decide what to do. Ordered inside Modulith's own
	 * completion advisor (which marks the failure) and outside the listener's transaction, and
	 * written in a transaction of its own, since the listener's rolls back.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor listenerFailureRecorder(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer,
			ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<Clock> clock) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				new AnnotationMatchingPointcut(null, ApplicationModuleListener.class, true),
				new FailureRecorder(jdbc, serializer, transactions, clock));
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return advisor;
	}

	/**
	 * Lets a node resubmit a publication only while it is still failed, so that when several nodes'
	 * retry jobs see the same failed publication, exactly one of them delivers it. Modulith reads the
	 * failed publications first and then claims each with an update that excludes only those marked
	 * resubmitted; but the node that won a claim marks the publication as processing as soon as its
	 * listener starts, so a node still working through the same earlier read would claim it again and
	 * deliver it a second time, concurrently. This claim is conditional on the state that was read,
	 * and otherwise does what Modulith's does.
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor resubmissionClaimsFailedOnly(ObjectProvider<JdbcTemplate> jdbc) {
		StaticMethodMatcherPointcut markResubmitted = new StaticMethodMatcherPointcut() {
			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return method.getName().equals("markResubmitted")
						&& EventPublicationRepository.class.isAssignableFrom(targetClass);
			}
		};
		MethodInterceptor claimIfFailed = invocation -> jdbc.getObject().update("""
				update event_publication
				set status = 'RESUBMITTED', completion_attempts = completion_attempts + 1, last_resubmission_date = ?
				where id = ? and status = 'FAILED'""", Timestamp.from((Instant) invocation.getArguments()[1]),
				invocation.getArguments()[0]) == 1;
		return new DefaultPointcutAdvisor(markResubmitted, claimIfFailed);
	}

	/**
	 * Events as the registry stores them: JSON written by the application's mapper, as Modulith's own
	 * serializer writes them, but holding the mapper rather than looking it up in the bean factory
	 * for every publication of every event, which on the ledger's hot path cost a tenth of a
	 * posting's time in the application.
	 */
	@Bean
	EventSerializer eventSerializer(JsonMapper mapper) {
		return new EventSerializer() {

			@Override
			public Object serialize(Object event) {
				return mapper.writeValueAsString(event);
			}

			@Override
			public <T> T deserialize(Object serialized, Class<T> type) {
				return mapper.readValue(serialized.toString(), type);
			}
		};
	}

	/** The lane a listener runs on unless it names another with {@code @Async}. */
	static final String DEFAULT_LANE = "eventListeners";

	/**
	 * The default lane: {@code listener-concurrency} deliveries at once, which leaves database
	 * connections for requests, the rest queued (see {@link ListenerLane} for why handing over never
	 * blocks).
	 */
	@Bean(DEFAULT_LANE)
	ListenerLane eventListeners(EventDeliveryProperties properties, Clock clock) {
		return new ListenerLane("event-listener", properties.listenerConcurrency(), clock);
	}

	/** Where listeners run (every {@code @ApplicationModuleListener} is {@code @Async}). */
	@Bean
	static AsyncConfigurer listenerExecution(BeanFactory beans) {
		return new AsyncConfigurer() {

			/** Looked up on first use: Spring asks for the executor lazily, when the lane can be made. */
			@Override
			public Executor getAsyncExecutor() {
				return beans.getBean(DEFAULT_LANE, ListenerLane.class);
			}

			/**
			 * A failed listener is already logged by Modulith and recorded with its error for the retry
			 * job; the default handler would log every failed attempt again at error level with a stack
			 * trace.
			 */
			@Override
			public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
				return (failure, method, arguments) -> LoggerFactory.getLogger(method.getDeclaringClass())
					.debug("{} failed and will be retried", method, failure);
			}
		};
	}

	static final class FailureRecorder implements MethodInterceptor {

		private static final Logger log = LoggerFactory.getLogger(FailureRecorder.class);

		/** The id Spring gives the listener, which is the one Modulith stores with the publication. */
		private static final ConcurrentLruCache<Method, String> LISTENER_IDS = new ConcurrentLruCache<>(256,
				method -> new TransactionalApplicationListenerMethodAdapter("listener", method.getDeclaringClass(),
						method)
					.getListenerId());

		private final ObjectProvider<JdbcTemplate> jdbc;

		private final ObjectProvider<EventSerializer> serializer;

		private final ObjectProvider<PlatformTransactionManager> transactions;

		private final ObjectProvider<Clock> clock;

		FailureRecorder(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<EventSerializer> serializer,
				ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<Clock> clock) {
			this.jdbc = jdbc;
			this.serializer = serializer;
			this.transactions = transactions;
			this.clock = clock;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			try {
				return invocation.proceed();
			}
			catch (Throwable failure) {
				record(invocation.getMethod(), invocation.getArguments()[0], failure);
				throw failure;
			}
		}

		private void record(Method method, Object event, Throwable failure) {
			try {
				TransactionTemplate tx = new TransactionTemplate(transactions.getObject());
				tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
				String error = abbreviate(failure.toString());
				tx.executeWithoutResult(status -> jdbc.getObject().update("""
						insert into event_publication_failure (publication_id, last_error, failed_at)
						select id, ?, ? from event_publication
						where listener_id = ? and serialized_event = ? and completion_date is null
						on conflict (publication_id) do update set last_error = excluded.last_error,
						                                            failed_at = excluded.failed_at""",
						error, Timestamp.from(clock.getObject().instant()), LISTENER_IDS.get(method),
						serializer.getObject().serialize(event).toString()));
			}
			catch (RuntimeException ex) {
				log.warn("Could not record why {} failed: {}", method, ex.getMessage());
			}
		}

		private static String abbreviate(String text) {
			return text.length() <= 4000 ? text : text.substring(0, 4000);
		}
	}
}
