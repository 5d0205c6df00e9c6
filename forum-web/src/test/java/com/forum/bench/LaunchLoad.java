package com.forum.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fans of {@code ./forum bench-launch}: a process of its own that fires every member's reservation
 * attempt over HTTP at the opening moment, through a fixed number of keep-alive connections, as fast
 * as the server answers. A member refused as sold out (or by an unexpected answer) tries again at once,
 * a few times, as fans hammer the button; one told 503 comes back after its {@code Retry-After}, for as
 * long as the run lasts; one who got a slot, or is told they hold one, stops.
 * <p>
 * Its HTTP/1.1 client is a few dozen lines over blocking sockets in virtual threads rather than
 * {@code java.net.http}: on two cores shared with the server, the load generator's own cost per request
 * is taken from the server, and the JDK client's asynchronous machinery costs several times what writing
 * a request and reading a small response does. It uses nothing but the JDK, so it starts with only its
 * own classes, and nothing needs installing next to Maven and the JDK (wrk, from Debian's packages,
 * could not retry a member: its script is not told which request an answer belongs to).
 * <p>
 * Arguments: {@code --port --path --tokens=<file of "memberId token" lines> --connections --retries
 * --fire-at=<epoch ms> --seconds=<limit>}. It prints {@code fired <epoch ms>} when it starts, then one
 * {@code key=value} line per figure.
 */
public final class LaunchLoad {

	/** One member's next attempt, due at a time (now, or after a Retry-After). */
	private record Attempt(int member, int retriesLeft, long dueNanos) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(dueNanos, ((Attempt) other).dueNanos);
		}
	}

	/** An answer: its status, the problem type's last segment for a 409, Retry-After in seconds, whether the server closes. */
	private record Answer(int status, String problem, int retryAfter, boolean close) {
	}

	private final String host;

	private final int port;

	private final byte[][] requests;

	private final int connections;

	private final int retries;

	/** Attempts due now, first come first served. */
	private final ConcurrentLinkedQueue<Attempt> ready = new ConcurrentLinkedQueue<>();

	/** Attempts told to come back later (503 with Retry-After). */
	private final DelayQueue<Attempt> later = new DelayQueue<>();

	private final AtomicInteger unfinished;

	private final AtomicIntegerArray slotsByMember;

	private final LongAdder attempts = new LongAdder();

	private final LongAdder created = new LongAdder();

	private final LongAdder soldOut = new LongAdder();

	private final LongAdder already = new LongAdder();

	private final LongAdder unavailable = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final Map<String, LongAdder> others = new ConcurrentHashMap<>();

	private final AtomicLong first503 = new AtomicLong(Long.MAX_VALUE);

	private final AtomicLong last503 = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong lastAnswer = new AtomicLong();

	private volatile long firedNanos;

	private LaunchLoad(String host, int port, String path, List<String> tokens, int connections, int retries) {
		this.host = host;
		this.port = port;
		this.connections = connections;
		this.retries = retries;
		this.requests = new byte[tokens.size()][];
		for (int i = 0; i < tokens.size(); i++) {
			requests[i] = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer "
					+ tokens.get(i) + "\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		}
		this.unfinished = new AtomicInteger(tokens.size());
		this.slotsByMember = new AtomicIntegerArray(tokens.size());
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new TreeMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], pair.length == 2 ? pair[1] : "true");
		}
		List<String> lines = Files.readAllLines(Path.of(options.get("tokens")));
		List<String> tokens = lines.stream().filter(l -> !l.isBlank()).map(l -> l.substring(l.indexOf(' ') + 1)).toList();
		LaunchLoad load = new LaunchLoad("127.0.0.1", Integer.parseInt(options.get("port")), options.get("path"), tokens,
				Integer.parseInt(options.getOrDefault("connections", "200")),
				Integer.parseInt(options.getOrDefault("retries", "3")));
		long fireAt = Long.parseLong(options.getOrDefault("fire-at", Long.toString(System.currentTimeMillis())));
		load.run(fireAt, Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "120"))));
	}

	private void run(long fireAtMillis, Duration limit) throws Exception {
		List<Socket> sockets = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			sockets.add(connect());
		}
		CountDownLatch go = new CountDownLatch(1);
		List<long[]> latencies = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		AtomicLong deadline = new AtomicLong();
		for (int c = 0; c < connections; c++) {
			Socket socket = sockets.get(c);
			long[][] mine = { new long[4096] };
			int[] count = { 0 };
			Thread worker = Thread.ofVirtual().name("fan-" + c).unstarted(() -> {
				try {
					go.await();
					work(socket, mine, count, deadline.get());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				synchronized (latencies) {
					latencies.add(Arrays.copyOf(mine[0], count[0]));
				}
			});
			workers.add(worker);
			worker.start();
		}
		long wait = fireAtMillis - System.currentTimeMillis();
		if (wait > 0) {
			Thread.sleep(wait);
		}
		long cpuBefore = cpuNanos();
		firedNanos = System.nanoTime();
		deadline.set(firedNanos + limit.toNanos());
		for (int m = 0; m < requests.length; m++) {
			ready.add(new Attempt(m, retries, firedNanos));
		}
		System.out.println("fired " + System.currentTimeMillis());
		System.out.flush();
		go.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		long took = lastAnswer.get() - firedNanos;
		long cpu = cpuNanos() - cpuBefore;
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		int membersTwice = 0;
		int membersWithSlot = 0;
		for (int m = 0; m < slotsByMember.length(); m++) {
			membersWithSlot += slotsByMember.get(m) > 0 ? 1 : 0;
			membersTwice += slotsByMember.get(m) > 1 ? 1 : 0;
		}
		StringBuilder other = new StringBuilder();
		new TreeMap<>(others).forEach((k, v) -> other.append(other.isEmpty() ? "" : ",").append(k).append(':').append(v));
		print("members", requests.length);
		print("connections", connections);
		print("attempts", attempts.sum());
		print("nanos", took);
		print("p50", percentile(all, 0.50));
		print("p90", percentile(all, 0.90));
		print("p99", percentile(all, 0.99));
		print("max", all.length == 0 ? 0 : all[all.length - 1]);
		print("created", created.sum());
		print("soldOut", soldOut.sum());
		print("already", already.sum());
		print("unavailable", unavailable.sum());
		print("errors", errors.sum());
		System.out.println("others=" + other);
		print("membersWithSlot", membersWithSlot);
		print("membersTwice", membersTwice);
		print("unfinished", unfinished.get());
		print("first503", first503.get() == Long.MAX_VALUE ? -1 : first503.get() - firedNanos);
		print("last503", last503.get() == Long.MIN_VALUE ? -1 : last503.get() - firedNanos);
		print("cpu", cpu);
		System.out.flush();
	}

	private static void print(String key, long value) {
		System.out.println(key + "=" + value);
	}

	private static long percentile(long[] sorted, double p) {
		return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
	}

	private static long cpuNanos() {
		return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toNanos();
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(30_000);
		return socket;
	}

	/** One connection's loop: the next due attempt, its answer, what the member does next. */
	private void work(Socket first, long[][] latencies, int[] count, long deadline) throws InterruptedException {
		Socket socket = first;
		InputStream in = null;
		byte[] line = new byte[8192];
		Attempt again = null;
		while (unfinished.get() > 0 && System.nanoTime() < deadline) {
			Attempt attempt = again != null ? again : ready.poll();
			again = null;
			if (attempt == null) {
				attempt = later.poll();
			}
			if (attempt == null) {
				Thread.sleep(1);
				continue;
			}
			long start = System.nanoTime();
			Answer answer;
			try {
				if (socket == null) {
					socket = connect();
				}
				if (in == null) {
					in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
				}
				OutputStream out = socket.getOutputStream();
				out.write(requests[attempt.member()]);
				out.flush();
				answer = read(in, line);
			}
			catch (IOException failed) {
				answer = null;
			}
			long end = System.nanoTime();
			lastAnswer.accumulateAndGet(end, Math::max);
			attempts.increment();
			if (count[0] == latencies[0].length) {
				latencies[0] = Arrays.copyOf(latencies[0], latencies[0].length * 2);
			}
			latencies[0][count[0]++] = (end - start) / 1_000;
			if (answer == null || answer.close()) {
				closeQuietly(socket);
				socket = null;
				in = null;
			}
			again = react(attempt, answer, end);
		}
		closeQuietly(socket);
	}

	/** Counts the answer; returns the member's next attempt when they press again at once, else null. */
	private Attempt react(Attempt attempt, Answer answer, long now) {
		if (answer == null) {
			errors.increment();
			return retry(attempt, now);
		}
		switch (answer.status()) {
			case 201 -> {
				created.increment();
				slotsByMember.incrementAndGet(attempt.member());
				unfinished.decrementAndGet();
			}
			case 503 -> {
				unavailable.increment();
				first503.accumulateAndGet(now, Math::min);
				last503.accumulateAndGet(now, Math::max);
				// not one of the member's retries: the server asked them to come back, and they do
				later.add(new Attempt(attempt.member(), attempt.retriesLeft(),
						now + TimeUnit.SECONDS.toNanos(Math.max(1, answer.retryAfter()))));
			}
			case 409 -> {
				if ("launch-sold-out".equals(answer.problem())) {
					soldOut.increment();
					return retry(attempt, now);
				}
				else if ("launch-already-reserved".equals(answer.problem())) {
					already.increment();
					unfinished.decrementAndGet();
				}
				else {
					others.computeIfAbsent("409 " + answer.problem(), k -> new LongAdder()).increment();
					return retry(attempt, now);
				}
			}
			default -> {
				others.computeIfAbsent(Integer.toString(answer.status()), k -> new LongAdder()).increment();
				return retry(attempt, now);
			}
		}
		return null;
	}

	private Attempt retry(Attempt attempt, long now) {
		if (attempt.retriesLeft() > 0) {
			return new Attempt(attempt.member(), attempt.retriesLeft() - 1, now);
		}
		unfinished.decrementAndGet();
		return null;
	}

	/** Reads one response: status line, headers, a body by Content-Length or chunks. */
	private static Answer read(InputStream in, byte[] line) throws IOException {
		int length = readLine(in, line);
		// "HTTP/1.1 201 " or "HTTP/1.1 201 Created"
		int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
		long contentLength = -1;
		boolean chunked = false;
		boolean close = false;
		int retryAfter = 0;
		while ((length = readLine(in, line)) > 0) {
			String header = new String(line, 0, length, StandardCharsets.ISO_8859_1);
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				contentLength = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding")) {
				chunked = value.equalsIgnoreCase("chunked");
			}
			else if (name.equalsIgnoreCase("Connection")) {
				close = value.equalsIgnoreCase("close");
			}
			else if (name.equalsIgnoreCase("Retry-After")) {
				retryAfter = Integer.parseInt(value);
			}
		}
		byte[] body;
		if (chunked) {
			java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
			int size;
			while ((size = Integer.parseInt(new String(line, 0, readLine(in, line), StandardCharsets.ISO_8859_1).trim(),
					16)) > 0) {
				all.write(in.readNBytes(size));
				readLine(in, line);
			}
			readLine(in, line);
			body = all.toByteArray();
		}
		else {
			body = contentLength > 0 ? in.readNBytes((int) contentLength) : new byte[0];
		}
		String problem = null;
		if (status == 409) {
			String text = new String(body, StandardCharsets.UTF_8);
			int type = text.indexOf("/problems/rules/");
			if (type >= 0) {
				int from = type + "/problems/rules/".length();
				problem = text.substring(from, text.indexOf('"', from));
			}
		}
		return new Answer(status, problem, retryAfter, close);
	}

	/** Reads a line without its CRLF into the buffer; returns its length. */
	private static int readLine(InputStream in, byte[] line) throws IOException {
		int n = 0;
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				throw new EOFException();
			}
			if (b != '\r' && n < line.length) {
				line[n++] = (byte) b;
			}
		}
		return n;
	}

	private static void closeQuietly(Socket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// the connection is dropped either way
			}
		}
	}
}
