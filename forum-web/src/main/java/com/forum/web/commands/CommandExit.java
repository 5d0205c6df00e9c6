package com.forum.web.commands;

import java.util.function.IntSupplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a check command ends the process: with its own exit code, or 2 when the check itself failed
 * (a service unreachable), after closing the application.
 */
final class CommandExit {

	private CommandExit() {
	}

	static void exitWith(ConfigurableApplicationContext context, String what, IntSupplier check) {
		int exitCode;
		try {
			exitCode = check.getAsInt();
		}
		catch (RuntimeException ex) {
			System.err.println(what + " failed: " + ex.getMessage());
			exitCode = 2;
		}
		int code = exitCode;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
