package com.forum.notification.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender address
 * @param sinkFile where mail is appended when no SMTP server is configured ({@code spring.mail.host})
 * @param sendInterval how often waiting mail is sent
 */
@ConfigurationProperties("forum.mail")
record MailProperties(@DefaultValue("Forum <no-reply@forum.example>") String from,
		@DefaultValue(".forum/mail/outgoing.log") Path sinkFile, @DefaultValue("2s") Duration sendInterval) {
}
