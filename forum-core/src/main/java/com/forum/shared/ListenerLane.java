package com.forum.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where event listeners run: at most {@code concurrency} deliveries at once on virtual threads, the
 * rest waiting in a queue of their own. Listeners whose latency users notice (search indexing) get a
 * lane of their own, so they never wait behind a backlog of bulk work such as points for votes; a
 * listener picks its lane by name with {@code @Async("laneName")} next to its
 * {@code @ApplicationModuleListener}.
 * <p>
 * Handing a delivery over never blocks: an executor that blocks while all its slots are busy
 * deadlocks as soon as every slot runs a listener that itself publishes an event. Queuing is safe,
 * since every delivery is recorded in the registry before it is handed over.
 * <p>
 * The lane knows since when its oldest unfinished delivery has been waiting, so that the retry job
 * does not take a delivery that is merely queued here for one that died with its node.
 * <p>
 * It stops after the web server (lower phase than its graceful shutdown and stop), finishing what was
 * handed over, within a bound; whatever is left is owed in the registry. Started again (a paused
 * context resumed), it runs on fresh threads.
 */
public final class ListenerLane implements AsyncTaskExecutor, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ListenerLane.class);

	/** The web server stops its graceful shutdown at DEFAULT_PHASE - 1024 and itself at - 2048. */
	private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final String name;

	private final int concurrency;

	private final Clock clock;

	private volatile ThreadPoolTaskExecutor pool;

	/** Hand-over time of every delivery queued or running, in hand-over order. */
	private final ConcurrentSkipListMap<Long, Instant> unfinished = new ConcurrentSkipListMap<>();

	private final AtomicLong handedOver = new AtomicLong();

	private volatile boolean running;

	public ListenerLane(String name, int concurrency, Clock clock) {
		this.name = name;
		this.concurrency = concurrency;
		this.clock = clock;
		this.pool = threads();
	}

	private ThreadPoolTaskExecutor threads() {
		ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
		threads.setCorePoolSize(concurrency);
		threads.setMaxPoolSize(concurrency);
		threads.setVirtualThreads(true);
		threads.setThreadNamePrefix(name + "-");
		threads.setWaitForTasksToCompleteOnShutdown(true);
		threads.setAwaitTerminationSeconds(30);
		threads.initialize();
		return threads;
	}

	/**
	 * Queues the delivery. A lane that is stopping takes nothing more and says so in the log only: the
	 * delivery is recorded in the registry, whose retry job runs it again after a restart or on another
	 * node, and an exception here would only be logged as an error by the transaction that published it.
	 */
	@Override
	public void execute(Runnable delivery) {
		if (pool.getThreadPoolExecutor().isShutdown()) {
			log.debug("Lane {} is stopping; the delivery is left to the registry's retries", name);
			return;
		}
		long number = handedOver.incrementAndGet();
		unfinished.put(number, clock.instant());
		try {
			pool.execute(() -> {
				try {
					delivery.run();
				}
				finally {
					unfinished.remove(number);
				}
			});
		}
		catch (RuntimeException rejected) {
			unfinished.remove(number);
			throw rejected;
		}
	}

	/** When the longest-waiting delivery still queued or running here was handed over, if any. */
	public Optional<Instant> oldestUnfinished() {
		return Optional.ofNullable(unfinished.firstEntry()).map(Map.Entry::getValue);
	}

	/** Deliveries queued or running here. */
	public int unfinishedCount() {
		return unfinished.size();
	}

	@Override
	public synchronized void start() {
		if (pool.getThreadPoolExecutor().isShutdown()) {
			pool = threads();
		}
		running = true;
	}

	@Override
	public synchronized void stop() {
		pool.shutdown();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
