package com.forum.launch;

import java.time.Duration;

/**
 * Admission cannot decide right now: Redis is unreachable, or lost the launch's keys and they are
 * being rebuilt from PostgreSQL. Nothing was reserved; trying again after {@link #retryAfter()} is the way.
 */
public class LaunchUnavailableException extends RuntimeException {

	private final Duration retryAfter;

	public LaunchUnavailableException(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	/**
	 * No stack trace: while Redis is down every attempt of a sale ends here, thousands a second, and
	 * where it was thrown is always the same place; the cause keeps its own.
	 */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}
}
