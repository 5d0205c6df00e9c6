package com.forum.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * The sessions in Redis, where one that cannot be read back (written by a build whose classes changed
 * incompatibly, during a rolling deployment) is dropped and counts as none: its member signs in again,
 * rather than meeting an error on every page until it expires. Redis being away is not hidden here: see
 * {@link SessionStoreOutage}.
 */
final class StoredSessions<S extends Session> implements SessionRepository<S> {

	private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);

	private final SessionRepository<S> redis;

	StoredSessions(SessionRepository<S> redis) {
		this.redis = redis;
	}

	@Override
	public S createSession() {
		return redis.createSession();
	}

	@Override
	public void save(S session) {
		redis.save(session);
	}

	@Override
	public S findById(String id) {
		try {
			return redis.findById(id);
		}
		catch (SerializationException ex) {
			log.info("A session this build cannot read is dropped: {}", ex.getMessage());
			redis.deleteById(id);
			return null;
		}
	}

	@Override
	public void deleteById(String id) {
		redis.deleteById(id);
	}
}
