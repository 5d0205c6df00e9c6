package com.forum;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The periodic jobs (event delivery retries, the vote fold, mail, index checks ...) run in a serving
 * application only. A one-shot command such as {@code ./forum reindex} starts the same application
 * beside the serving nodes; running them there would have it take the nodes' queued deliveries for
 * stuck ones (its own queues are empty) and deliver them a second time, or start a restore of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "forum.command", havingValue = "serve", matchIfMissing = true)
class ScheduledJobs {

}
