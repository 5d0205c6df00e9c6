package com.forum.notification.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/** SMTP when Boot configured a mail sender (spring.mail.host is set), else a local file. */
	@Bean
	MailSink mailSink(ObjectProvider<JavaMailSender> smtp, MailProperties properties) {
		JavaMailSender sender = smtp.getIfAvailable();
		if (sender != null) {
			return (to, subject, body) -> {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(properties.from());
				message.setTo(to);
				message.setSubject(subject);
				message.setText(body);
				sender.send(message);
			};
		}
		return (to, subject, body) -> {
			Files.createDirectories(properties.sinkFile().toAbsolutePath().getParent());
			Files.writeString(properties.sinkFile(), "--- " + Instant.now() + "\nTo: " + to + "\nSubject: " + subject
					+ "\n\n" + body + "\n\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		};
	}
}
