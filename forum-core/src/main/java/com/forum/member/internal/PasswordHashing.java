package com.forum.member.internal;

import com.forum.member.MemberProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	/** Argon2id: a 16-byte salt, a 32-byte hash, one lane, the memory and passes configured. */
	@Bean
	PasswordEncoder passwordEncoder(MemberProperties members) {
		MemberProperties.PasswordHashing cost = members.passwordHashing();
		return new Argon2PasswordEncoder(16, 32, 1, cost.memoryKib(), cost.iterations());
	}
}
