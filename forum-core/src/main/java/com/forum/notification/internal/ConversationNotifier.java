package com.forum.notification.internal;

import java.util.Set;

import com.forum.conversation.ConversationMessagePosted;
import com.forum.member.MemberDirectory;
import com.forum.member.MemberId;
import com.forum.notification.Message;
import com.forum.notification.NotificationKind;
import com.forum.notification.Notifications;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the members a private message was delivered to, through the channel they chose for private
 * messages. The event names them (never the author, nor a participant who blocks the author); the key
 * is the message's, so a redelivered event tells nobody twice.
 */
@Component
class ConversationNotifier {

	private final Notifications notifications;

	private final MemberDirectory members;

	ConversationNotifier(Notifications notifications, MemberDirectory members) {
		this.notifications = notifications;
		this.members = members;
	}

	@ApplicationModuleListener
	void on(ConversationMessagePosted e) {
		if (e.recipientIds().isEmpty()) {
			return;
		}
		String author = members.usernames(Set.of(e.authorId())).getOrDefault(e.authorId(), "#" + e.authorId().value());
		Message title = new Message("notification.private-message", e.subject(), author);
		for (MemberId recipient : e.recipientIds()) {
			if (!recipient.equals(e.authorId())) {
				notifications.notify(recipient, NotificationKind.PRIVATE_MESSAGE, title, "notification.private-message.body",
						"/messages/" + e.conversationId().value() + "#message-" + e.messageId(), "message:" + e.messageId());
			}
		}
	}
}
