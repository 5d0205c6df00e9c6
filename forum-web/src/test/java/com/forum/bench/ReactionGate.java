package com.forum.bench;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Holds back the deliveries of events to their listeners while the benchmark measures the ledger
 * alone, and hands them over when released, in the order they came. The events themselves are
 * published and recorded in the registry as always, inside the postings' transactions: only the
 * listeners' reactions (leaderboards, badges) wait, as they would behind a burst on a busy node.
 * Benchmark code only: it wraps the executor the application gives its listeners.
 */
final class ReactionGate implements Executor {

	private static final ReactionGate INSTANCE = new ReactionGate();

	private final Queue<Runnable> held = new ConcurrentLinkedQueue<>();

	private volatile Executor target;

	private volatile boolean holding;

	static ReactionGate instance() {
		return INSTANCE;
	}

	@Override
	public void execute(Runnable delivery) {
		if (holding) {
			held.add(delivery);
			if (holding) {
				return;
			}
			// released meanwhile: hand over what the release may have missed
			handOver();
			return;
		}
		target.execute(delivery);
	}

	void hold() {
		holding = true;
	}

	void release() {
		holding = false;
		handOver();
	}

	private void handOver() {
		Runnable delivery;
		while ((delivery = held.poll()) != null) {
			target.execute(delivery);
		}
	}

	/**
	 * Puts the gate in front of the executor of the application's {@link AsyncConfigurer}. Not a
	 * {@code @Configuration}: the application's component scan covers this package on the test class
	 * path, and would put the gate in front of every test context and of {@code ./forum start}; only
	 * the benchmark that names it gets it.
	 */
	static class Wiring {

		@Bean
		static BeanPostProcessor reactionGate() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof AsyncConfigurer configurer)) {
						return bean;
					}
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setInterfaces(bean instanceof SmartLifecycle
							? new Class<?>[] { AsyncConfigurer.class, SmartLifecycle.class }
							: new Class<?>[] { AsyncConfigurer.class });
					proxy.addAdvice((MethodInterceptor) invocation -> {
						if (invocation.getMethod().getName().equals("getAsyncExecutor")) {
							synchronized (INSTANCE) {
								if (INSTANCE.target == null) {
									INSTANCE.target = configurer.getAsyncExecutor();
								}
							}
							return INSTANCE;
						}
						return invocation.proceed();
					});
					return proxy.getProxy(bean.getClass().getClassLoader());
				}
			};
		}
	}
}
