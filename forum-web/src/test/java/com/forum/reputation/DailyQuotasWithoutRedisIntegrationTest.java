package com.forum.reputation;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.forum.member.MemberId;
import com.forum.web.IntegrationTest;
import com.forum.web.SeededMember;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Daily quotas while Redis cannot be reached, for real: the component is wired to a Lettuce connection
 * on a port where nothing listens. Quotas are a brake on newcomers, not what keeps data right, so the
 * writes they count go through uncounted instead of failing; with Redis there, the same member is
 * stopped at the quota.
 */
@IntegrationTest
class DailyQuotasWithoutRedisIntegrationTest {

	@Autowired
	ApplicationContext application;

	@Autowired
	DailyQuotas healthy;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	QuotaProperties quotas;

	LettuceConnectionFactory unreachable;

	GenericApplicationContext wiring;

	DailyQuotas withoutRedis;

	@BeforeEach
	void wireToAPortWithNothingListening() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		unreachable = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		unreachable.afterPropertiesSet();
		unreachable.start();
		// the component as the application builds it, its other collaborators the application's own
		wiring = new GenericApplicationContext();
		wiring.setParent(application);
		wiring.registerBean("stringRedisTemplate", StringRedisTemplate.class, () -> new StringRedisTemplate(unreachable),
				definition -> definition.setPrimary(true));
		wiring.registerBean(DailyQuotas.class, definition -> ((AbstractBeanDefinition) definition)
			.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR));
		wiring.refresh();
		withoutRedis = wiring.getBean(DailyQuotas.class);
	}

	@AfterEach
	void close() {
		wiring.close();
		unreachable.destroy();
	}

	@Test
	void writesGoThroughUncountedWhileRedisIsAwayAndAreStoppedAtTheQuotaOnceItIsBack() {
		MemberId newcomer = SeededMember.many(jdbc, 1).getFirst();
		int limit = quotas.at(1).threads();

		for (int i = 0; i < limit + 3; i++) {
			withoutRedis.take(newcomer, Quota.THREADS);
		}

		for (int i = 0; i < limit; i++) {
			healthy.take(newcomer, Quota.THREADS);
		}
		assertThatThrownBy(() -> healthy.take(newcomer, Quota.THREADS)).isInstanceOf(QuotaExceededException.class);
		assertThat(healthy.used(newcomer, Quota.THREADS)).as("only what Redis could count").isEqualTo(limit);
	}

	@Test
	void todaysCountsAreUnknownWhileRedisIsAwayAndTheQuotasOfTheLevelAreStillTold() {
		MemberId member = SeededMember.many(jdbc, 1).getFirst();
		healthy.take(member, Quota.REPLIES);

		DailyQuotas.Today away = withoutRedis.today(member);
		DailyQuotas.Today back = healthy.today(member);

		assertThat(away.counted()).isFalse();
		assertThat(away.used(Quota.REPLIES)).isNull();
		assertThat(away.limits()).isEqualTo(quotas.at(1));
		assertThat(back.counted()).isTrue();
		assertThat(back.used(Quota.REPLIES)).isEqualTo(1);
		assertThat(back.used(Quota.THREADS)).isZero();
	}
}
