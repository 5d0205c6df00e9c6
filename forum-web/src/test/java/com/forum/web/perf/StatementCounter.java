package com.forum.web.perf;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread sends to PostgreSQL while {@link #during} runs, whatever
 * sends them (JPA or JdbcTemplate): the application's {@link DataSource} is wrapped so that every
 * statement it hands out reports its executions. Counting is per thread, so the scheduled jobs and event
 * listeners running at the same time on other threads do not disturb the figures.
 */
@TestConfiguration(proxyBeanMethods = false)
class StatementCounter {

	private static final ThreadLocal<List<String>> EXECUTED = new ThreadLocal<>();

	/** The SQL of every statement executed by {@code work} on this thread, in order. */
	static List<String> during(Runnable work) {
		List<String> executed = new ArrayList<>();
		EXECUTED.set(executed);
		try {
			work.run();
		}
		finally {
			EXECUTED.remove();
		}
		return executed;
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof DataSource dataSource ? wrap(DataSource.class, dataSource, () -> null) : bean;
			}
		};
	}

	/**
	 * A proxy of {@code target} that wraps the connections and statements it returns in turn, and records
	 * each {@code execute...} call of a statement with the SQL it was prepared with (or was given).
	 */
	private static <T> T wrap(Class<T> type, T target, Supplier<String> preparedSql) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (Statement.class.isAssignableFrom(type) && method.getName().startsWith("execute")) {
				record(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql.get());
			}
			Object result = invoke(method, target, args);
			if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
				return wrap(Connection.class, connection, () -> null);
			}
			if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
				String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
				@SuppressWarnings("unchecked")
				Class<Statement> returned = (Class<Statement>) method.getReturnType();
				return wrap(returned, statement, () -> sql);
			}
			return result;
		};
		return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type },
				handler));
	}

	private static void record(String sql) {
		List<String> executed = EXECUTED.get();
		if (executed != null) {
			executed.add(sql == null ? "?" : sql.strip().replaceAll("\\s+", " "));
		}
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
