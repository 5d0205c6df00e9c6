package com.forum.notification.internal;

/** Where outgoing mail goes: an SMTP server in production, a file locally. */
interface MailSink {

	void send(String to, String subject, String body) throws Exception;
}
