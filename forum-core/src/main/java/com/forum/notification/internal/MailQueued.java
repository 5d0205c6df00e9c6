package com.forum.notification.internal;

import com.forum.shared.DomainEvent;

/**
 * E-mails were written for the notifications with this key and wait to be sent. Published in the
 * transaction that wrote them, so sending is retried like any other delivery.
 */
public record MailQueued(String dedupeKey) implements DomainEvent {
}
