/**
 * What every feature shares: domain events and the transactional outbox that delivers them, the
 * domain's error types, and Markdown rendering of user content.
 */
package com.forum.shared;
