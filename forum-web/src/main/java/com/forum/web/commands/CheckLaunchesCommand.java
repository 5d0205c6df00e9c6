package com.forum.web.commands;

import java.io.PrintStream;
import java.util.List;

import com.forum.launch.LaunchCheck;
import com.forum.launch.LaunchReconciliation;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code ./forum check-launches}: for every launch, that pending plus confirmed reservations stay within
 * the slots, that the stored count of what is taken is their sum, and that Redis agrees with PostgreSQL
 * on the slots left and who holds one. Prints a line a launch; exits 1 when anything disagrees.
 */
@Component
@ConditionalOnProperty(name = "forum.command", havingValue = "check-launches")
class CheckLaunchesCommand implements ApplicationRunner {

	private final LaunchReconciliation reconciliation;

	private final ConfigurableApplicationContext context;

	CheckLaunchesCommand(LaunchReconciliation reconciliation, ConfigurableApplicationContext context) {
		this.reconciliation = reconciliation;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		CommandExit.exitWith(context, "Launch check", () -> check(System.out));
	}

	/** Checks, prints every launch and a summary, and returns the exit code. */
	int check(PrintStream out) {
		List<LaunchCheck> checks = reconciliation.check();
		int violated = 0;
		for (LaunchCheck c : checks) {
			out.printf("launch %d \"%s\" (%s): %d slots, %d pending + %d confirmed, taken %d; Redis %s left, %s holders%s%n",
					c.launchId(), c.product(), c.state().name().toLowerCase(), c.slots(), c.pending(), c.confirmed(),
					c.taken(), c.redisStock() == null ? "-" : c.redisStock(),
					c.redisHolders() == null ? "-" : c.redisHolders(),
					c.violated() ? "  VIOLATION: " + String.join("; ", c.problems()) : "  ok");
			if (c.violated()) {
				violated++;
			}
		}
		out.printf("Checked %d launches: %d with violations%n", checks.size(), violated);
		return violated == 0 ? 0 : 1;
	}
}
