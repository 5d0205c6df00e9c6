package com.forum.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param enabled whether an empty database is filled with demo boards, members and threads */
@Validated
@ConfigurationProperties("forum.demo-data")
public record DemoDataProperties(@DefaultValue("false") boolean enabled) {
}
