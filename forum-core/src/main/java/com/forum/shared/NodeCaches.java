package com.forum.shared;

import java.util.function.Consumer;

/**
 * Caches each node keeps in its own memory, emptied on every node of the cluster when what they hold
 * changes. A change is announced through Redis (channel {@code forum:node-caches}); every node, the
 * announcing one included, forgets the entries of the key it names. The announcing node forgets them
 * at once as well, so its own next request never depends on Redis being there.
 * <p>
 * An announcement is not stored: a node that is not subscribed when it is sent (Redis away, a
 * connection dropped) never hears it. Two things bound what that costs. Every cache registered here
 * also expires its entries after a short time of its own, so a missed announcement is stale for at
 * most that long; and every time a node's subscription is (re)established, it forgets everything its
 * registered caches hold, since announcements may have gone by while it was not listening.
 * <p>
 * Announced: the bearer tokens a node resolved ({@code com.forum.member.AccessTokens}; a revoked token
 * is refused on every node at once) and the account states the pages and API check on every request
 * ({@code com.forum.web.security.AccountStates}; "sign out everywhere", a new password, a confirmed
 * address). Deliberately left per node, because no other node's change makes them wrong:
 * <ul>
 * <li>the launch admission's "told sold out" memo ({@code com.forum.launch.Admission}): kept one second
 * in production, an answer that may already have crossed a change anyway; announcing every slot freed
 * in a sale would cost each node a sweep of the memo per freed slot for a gain of under a second;</li>
 * <li>the launches' pending rebuilds ({@code com.forum.launch.Launches}): work this node queued, not a
 * copy of shared state;</li>
 * <li>outside images of the image proxy, date patterns ({@code Fmt}), the board of each thread
 * ({@code PageCacheInvalidation}; a thread never changes boards): the same on every node;</li>
 * <li>kept pages ({@code PageCache}): each use is checked against the page versions in Redis already.</li>
 * </ul>
 */
public interface NodeCaches {

	/**
	 * Registers a cache of this node under a name every node uses for it.
	 *
	 * @param cache the cache's name in announcements
	 * @param evict forgets the entries of one key (called for announcements of any node, this one's too)
	 * @param clear forgets every entry (called when the node may have missed announcements)
	 */
	void register(String cache, Consumer<String> evict, Runnable clear);

	/**
	 * Forgets the entries of the key in the named cache on every node: on this one at once, on the others
	 * as soon as the announcement reaches them. Inside a transaction, the announcement waits for the commit
	 * (and this node forgets again then), so that no node reads the old value again after forgetting it.
	 * Never fails: with Redis away, the other nodes see the change when their entries expire.
	 */
	void evict(String cache, String key);
}
