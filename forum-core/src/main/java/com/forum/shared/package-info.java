/**
 * What every feature shares: domain events and their delivery (Spring Modulith's event publication
 * registry, with bounded retries and a view of failed deliveries), the domain's error types, and
 * Markdown rendering of user content.
 */
package com.forum.shared;
