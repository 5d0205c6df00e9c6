/**
 * Reputation, levels, badges and privileges. Reputation is the balance of the reputation ledger
 * (kept by the points feature); the level (Lv1 to Lv10) follows from it through a ladder of
 * thresholds, and privileges are unlocked by reputation. All thresholds are configuration.
 */
package com.forum.reputation;
