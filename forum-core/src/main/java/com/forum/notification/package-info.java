/**
 * The notification centre and e-mail: members hear of what concerns them, once, even if the
 * application stops half-way through telling them.
 */
package com.forum.notification;
