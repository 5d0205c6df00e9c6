package com.forum.launch;

import java.time.Instant;

import org.springframework.context.MessageSourceResolvable;

/**
 * The member's window has not opened yet: names their level, the window that applies to them (its
 * lowest level, 0 for the general opening) and when it opens. Resolved as
 * {@code problem.denied.launch-window-not-open}.
 */
public class WindowNotOpenException extends RuntimeException implements MessageSourceResolvable {

	private final int level;

	private final int windowLevel;

	private final Instant opensAt;

	public WindowNotOpenException(int level, int windowLevel, Instant opensAt) {
		super("Your level is Lv%d; your window (%s) opens at %s.".formatted(level,
				windowLevel == 0 ? "general opening" : "Lv" + windowLevel + "+", opensAt));
		this.level = level;
		this.windowLevel = windowLevel;
		this.opensAt = opensAt;
	}

	/** Refused in thousands before an opening: the stack trace would cost more than the decision. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	public int level() {
		return level;
	}

	public int windowLevel() {
		return windowLevel;
	}

	public Instant opensAt() {
		return opensAt;
	}

	@Override
	public String[] getCodes() {
		return new String[] { windowLevel == 0 ? "problem.denied.launch-general-not-open"
				: "problem.denied.launch-window-not-open" };
	}

	@Override
	public Object[] getArguments() {
		return new Object[] { level, windowLevel, opensAt.toString() };
	}

	@Override
	public String getDefaultMessage() {
		return getMessage();
	}
}
