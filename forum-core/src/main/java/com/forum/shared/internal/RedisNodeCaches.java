package com.forum.shared.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.forum.shared.NodeCaches;
import com.forum.shared.RedisReconnected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announcements are Redis pub/sub messages "cache TAB key" on {@link #CHANNEL}. A node learns that it
 * may have missed some from its subscription: Lettuce subscribes again by itself after every reconnect,
 * and Redis confirms each subscription, so every confirmation after a connection was lost (and the first,
 * which costs nothing) empties the registered caches. Every confirmation after the first is also
 * announced in this node as {@link RedisReconnected}.
 */
@Component
class RedisNodeCaches implements NodeCaches, MessageListener, SubscriptionListener {

	static final String CHANNEL = "forum:node-caches";

	private static final char SEPARATOR = '\t';

	private static final Logger log = LoggerFactory.getLogger(RedisNodeCaches.class);

	private record Registered(Consumer<String> evict, Runnable clear) {
	}

	private final Map<String, Registered> caches = new ConcurrentHashMap<>();

	private final StringRedisTemplate redis;

	private final ApplicationEventPublisher events;

	private final AtomicBoolean subscribedBefore = new AtomicBoolean();

	RedisNodeCaches(StringRedisTemplate redis, ApplicationEventPublisher events) {
		this.redis = redis;
		this.events = events;
	}

	@Override
	public void register(String cache, Consumer<String> evict, Runnable clear) {
		if (cache.indexOf(SEPARATOR) >= 0 || caches.putIfAbsent(cache, new Registered(evict, clear)) != null) {
			throw new IllegalArgumentException("A node cache needs a name of its own without a tab: " + cache);
		}
	}

	@Override
	public void evict(String cache, String key) {
		evictHere(cache, key);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a request reading the old value before the change commits may keep it again, here or elsewhere
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					evictHere(cache, key);
					announce(cache, key);
				}
			});
		}
		else {
			announce(cache, key);
		}
	}

	private void announce(String cache, String key) {
		try {
			redis.convertAndSend(CHANNEL, cache + SEPARATOR + key);
		}
		catch (DataAccessException ex) {
			log.warn("Could not announce a change of {} to the other nodes; they see it when their entries expire: {}",
					cache, ex.getMessage());
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String body = new String(message.getBody(), StandardCharsets.UTF_8);
		int separator = body.indexOf(SEPARATOR);
		if (separator > 0) {
			evictHere(body.substring(0, separator), body.substring(separator + 1));
		}
	}

	@Override
	public void onChannelSubscribed(byte[] channel, long count) {
		caches.values().forEach(cache -> cache.clear().run());
		if (subscribedBefore.getAndSet(true)) {
			log.info("Subscribed to {} again after the connection to Redis was lost", CHANNEL);
			events.publishEvent(new RedisReconnected());
		}
	}

	private void evictHere(String cache, String key) {
		Registered registered = caches.get(cache);
		if (registered != null) {
			registered.evict().accept(key);
		}
	}
}
