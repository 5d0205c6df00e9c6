package com.forum;

import java.time.Duration;
import java.util.Locale;

import com.forum.account.AccountProperties;
import com.forum.demo.DemoDataProperties;
import com.forum.discussion.DiscussionProperties;
import com.forum.discussion.MentionProperties;
import com.forum.launch.LaunchProperties;
import com.forum.member.MemberProperties;
import com.forum.notification.NotificationProperties;
import com.forum.petition.PetitionProperties;
import com.forum.points.ShopProperties;
import com.forum.points.SerialVotingProperties;
import com.forum.reputation.TrustedFlagsProperties;
import com.forum.search.SearchProperties;
import com.forum.web.security.Limit;
import com.forum.shared.ContentProperties;
import com.forum.trust.TrustProperties;
import com.forum.web.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The forum's settings are checked when the application starts: a bad value stops it at once, and
 * the start-up report names the property to fix, instead of the value failing later in use.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

	@Test
	void theDefaultsAreValid() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(DiscussionProperties.class).maxTitleLength()).isEqualTo(150);
			assertThat(context.getBean(SecurityProperties.class).signIn().failuresPerAccountAndAddress())
				.isEqualTo(new Limit(5, Duration.ofMinutes(15)));
			assertThat(context.getBean(SecurityProperties.class).clientAddress().trustedProxies()).isEmpty();
			assertThat(context.getBean(PetitionProperties.class).fillerWords()).contains("please", "希望");
			assertThat(context.getBean(ShopProperties.class).perMemberLimit()).isEqualTo(2);
			assertThat(context.getBean(SerialVotingProperties.class).maxFromOneMember()).isEqualTo(10);
			assertThat(context.getBean(LaunchProperties.class).codeLength()).isEqualTo(16);
			assertThat(context.getBean(MemberProperties.class).minPasswordScore()).isEqualTo(3);
			assertThat(context.getBean(AccountProperties.class).resetTtl()).hasMinutes(30);
			assertThat(context.getBean(ContentProperties.class).images().mode()).isEqualTo(ContentProperties.ImageMode.PROXY);
			assertThat(context.getBean(TrustProperties.class).silenceDays()).containsExactly(1, 3, 7, 30);
			assertThat(context.getBean(TrustedFlagsProperties.class).count()).isEqualTo(3);
			assertThat(context.getBean(MentionProperties.class).maxPerPost()).isEqualTo(10);
			assertThat(context.getBean(NotificationProperties.class).digestWindow()).hasMinutes(15);
		}
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "forum.members.token-ttl, 10s", "forum.members.token-cache-ttl, 2m", "forum.members.token-last-use-flush, 0s",
			"forum.members.min-password-score, 5", "forum.accounts.reset-ttl, 2d", "forum.accounts.confirmation-ttl, 1m",
			"forum.members.min-password-length, 0",
			"forum.members.min-password-length, 200", "forum.members.max-password-length, 100000",
			"forum.discussion.min-title-length, 0", "forum.discussion.max-title-length, 151",
			"forum.discussion.min-title-length, 151", "forum.discussion.max-body-length, -1",
			"forum.discussion.hot-gravity, 0s", "forum.discussion.view-window, 0s",
			"forum.discussion.view-flush-interval, 1ms", "forum.petitions.first-response-deadline, 0s",
			"forum.petitions.trending-window, 10m", "forum.petitions.release-day, SOMEDAY",
			"forum.petitions.release-zone, Mars/Olympus", "forum.petitions.credited-backers, -1",
			"forum.petitions.max-tags, 0", "forum.petitions.vote-fold-interval, 0s", "forum.search.url, not a url",
			"forum.search.urls, not a url", "forum.search.replicas, -1",
			"forum.search.index-prefix, Forum!", "forum.search.connect-timeout, 0s",
			"forum.search.response-timeout, 0s", "forum.search.max-query-length, 0",
			"forum.security.rate-limits.threads-per-member, 0 per 1m",
			"forum.security.rate-limits.replies-per-member, 5 per 0s", "forum.security.rate-limits.votes-per-member, lots",
			"forum.security.sign-in.failures-per-address, 5", "forum.security.client-address.trusted-proxies[0], proxy.example",
			"forum.security.max-request-body, many", "forum.security.sign-in.trusted-device.lifetime, 1s",
			"forum.points.shop.per-member-limit, 0", "forum.points.shop.hold-validity, 10s",
			"forum.points.shop.max-price, -1", "forum.points.shop.max-stock, 0",
			"forum.points.serial-voting.schedule, nightly", "forum.points.serial-voting.window, 0s",
			"forum.points.serial-voting.max-from-one-member, 0", "forum.points.serial-voting.ring.share, 1.5",
			"forum.points.serial-voting.ring.min-accounts, 0", "forum.launch.code-length, 12",
			"forum.launch.validity, 10s", "forum.launch.job-interval, 1ms", "forum.launch.max-windows, -1",
			"forum.content.images.mode, allow", "forum.content.images.connect-timeout, 0s",
			"forum.content.images.max-redirects, 11", "forum.trust.new-member.max-links, -1",
			"forum.trust.burst.posts, 0", "forum.trust.offences.window, 0s", "forum.trust.silence-days, 0",
			"forum.trusted-flags.count, 1", "forum.mentions.max-per-post, 0",
			"forum.notifications.digest-window, 0s" })
	void aBadValueStopsStartUpNamingTheProperty(String property, String value, CapturedOutput output) {
		assertThatThrownBy(() -> start("--" + property + "=" + value).close()).isNotNull();

		assertThat(output).contains("APPLICATION FAILED TO START");
		assertThat(loose(output.toString())).contains(loose("Property: " + property));
	}

	/** The report names a property as it is bound, {@code forum.members.tokenTtl}: compare without dashes and case. */
	private static String loose(String text) {
		return text.replace("-", "").toLowerCase(Locale.ROOT);
	}

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ MemberProperties.class, DiscussionProperties.class, PetitionProperties.class,
			DemoDataProperties.class, SearchProperties.class, SecurityProperties.class, ShopProperties.class,
			SerialVotingProperties.class, LaunchProperties.class, AccountProperties.class, ContentProperties.class,
			TrustProperties.class, TrustedFlagsProperties.class, MentionProperties.class,
			NotificationProperties.class })
	static class Settings {

	}
}
