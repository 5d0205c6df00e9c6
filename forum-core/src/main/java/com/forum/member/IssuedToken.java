package com.forum.member;

import java.time.Instant;

/** A bearer token as handed out once; only its hash is stored. */
public record IssuedToken(String token, Instant expiresAt) {
}
