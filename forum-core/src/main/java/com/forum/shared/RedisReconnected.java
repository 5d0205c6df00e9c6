package com.forum.shared;

/**
 * Published in a node (not stored, not sent to other nodes) when its connection to Redis came back
 * after it was lost. Redis may have changed meanwhile: a Sentinel failover promotes a replica that
 * asynchronous replication left a few writes behind, and a restart without persistence forgets
 * everything. Whoever keeps state in Redis that PostgreSQL can rebuild checks it on this event.
 */
public record RedisReconnected() {
}
