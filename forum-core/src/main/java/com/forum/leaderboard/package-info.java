/**
 * Leaderboards: who earned the most reputation and points this week, this month and ever. Kept in
 * Redis sorted sets for fast reading, fed by the ledger's events with totals read from the ledger
 * itself, and rebuilt from it whenever Redis has lost them.
 */
package com.forum.leaderboard;
