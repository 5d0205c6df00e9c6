package com.forum.shared.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class NodeCachesConfiguration {

	/** The node's one subscription to the announcements of the other nodes (see {@link RedisNodeCaches}). */
	@Bean
	RedisMessageListenerContainer nodeCachesSubscription(RedisConnectionFactory redis, RedisNodeCaches caches) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		container.addMessageListener(caches, new ChannelTopic(RedisNodeCaches.CHANNEL));
		return container;
	}
}
