package com.forum.points;

/**
 * What a redemption request did.
 *
 * @param first whether this request redeemed; false when it repeated an earlier request (the same
 * idempotency key or form token), which answers with the redemption made then
 */
public record Redeemed(Redemption redemption, boolean first) {
}
