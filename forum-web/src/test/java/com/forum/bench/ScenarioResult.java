package com.forum.bench;

/** One wrk run: a scenario at a number of connections. */
public record ScenarioResult(String scenario, int connections, long requests, double seconds, double p50Millis,
		double p99Millis, long errors, double appCpuSecondsPerThousand) {
	public double requestsPerSecond() { return seconds <= 0 ? 0 : requests / seconds; }
}
