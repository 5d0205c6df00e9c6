package com.forum.member;

import java.time.Instant;

/** A bearer token as its owner sees it listed: never the secret, which only its program has. */
public record TokenInfo(long id, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
}
