package com.forum.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for accounts.
 *
 * @param tokenTtl how long a bearer token issued to a program stays valid
 * @param minPasswordLength shortest password accepted
 * @param maxPasswordLength longest password accepted (bounds the hashing cost of one request)
 */
@ConfigurationProperties("forum.members")
public record MemberProperties(@DefaultValue("30d") Duration tokenTtl, @DefaultValue("8") int minPasswordLength,
		@DefaultValue("128") int maxPasswordLength) {
}
