/**
 * Trust in what members post: new members' links and images limited for their first posts and days,
 * the same text posted again within a window and bursts of posts refused, and members who keep
 * offending silenced for escalating durations, told why. Discussions and petitions ask it before they
 * store a post; it knows members by id and their reputation through {@link com.forum.trust.MemberReputation},
 * which the reputation feature provides (so trust depends on no feature that depends on posts).
 */
package com.forum.trust;
