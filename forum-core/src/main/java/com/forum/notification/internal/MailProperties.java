package com.forum.notification.internal;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender address
 * @param sinkFile where mail is appended when no SMTP server is configured ({@code spring.mail.host})
 */
@Validated
@ConfigurationProperties("forum.mail")
record MailProperties(@DefaultValue("Forum <no-reply@forum.example>") @NotBlank String from,
		@DefaultValue(".forum/mail/outgoing.log") @NotNull Path sinkFile) {
}
