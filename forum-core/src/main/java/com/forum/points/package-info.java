/**
 * Points and reputation, kept in two append-only ledgers. Points are a currency: earned by taking
 * part (a daily check-in, threads, replies, accepted answers, likes and votes received, petitions
 * accepted and shipped) and spent in the points shop or on launch priority through holds.
 * Reputation is the community's trust, earned only from what others do with a member's content.
 * Every rule (amounts, caps, streaks) is configuration; every entry has a key derived from its
 * cause, so nothing is posted twice, and a mistake is corrected by a compensating entry.
 */
package com.forum.points;
