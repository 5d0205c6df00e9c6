package com.forum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.forum.member.MemberProperties;
import com.forum.search.SearchProperties;
import com.forum.shared.ReadReplicaProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The prod profile takes every address and secret from the environment ({@code config/application-prod.yml}),
 * bound here by hand with a made-up environment: no application context is started.
 */
class ProdProfileTest {

	private static final Map<String, Object> CLUSTER = Map.of("FORUM_DB_URL", "jdbc:postgresql://db1:5432/forum",
			"FORUM_DB_USERNAME", "forum_app", "FORUM_DB_PASSWORD", "s3cret", "FORUM_DB_REPLICA_URL",
			"jdbc:postgresql://r1:5432,r2:5432/forum?targetServerType=preferSecondary&loadBalanceHosts=true",
			"FORUM_REDIS_SENTINEL_NODES", "s1:26379,s2:26379,s3:26379", "FORUM_SEARCH_URLS",
			"http://es1:9200,http://es2:9200", "FORUM_MAIL_HOST", "smtp.example", "FORUM_PUBLIC_URL",
			"https://forum.example", "FORUM_TRUSTED_DEVICE_SECRET", "device-key");

	@Test
	void theProfileBindsEveryAddressAndSecretFromTheEnvironment() {
		StandardEnvironment environment = prod(CLUSTER);
		RequiredEnvironment.check(environment);
		Binder binder = Binder.get(environment);

		assertThat(binder.bind("spring.datasource.url", String.class).get()).isEqualTo("jdbc:postgresql://db1:5432/forum");
		assertThat(binder.bind("spring.datasource.username", String.class).get()).isEqualTo("forum_app");
		assertThat(binder.bind("spring.datasource.password", String.class).get()).isEqualTo("s3cret");
		ReadReplicaProperties replica = binder.bindOrCreate(ReadReplicaProperties.PREFIX, ReadReplicaProperties.class);
		assertThat(replica.enabled()).isTrue();
		assertThat(replica.url()).startsWith("jdbc:postgresql://r1:5432,r2:5432/");
		assertThat(binder.bind("spring.data.redis.sentinel.master", String.class).get()).isEqualTo("forum");
		assertThat(binder.bind("spring.data.redis.sentinel.nodes", Bindable.listOf(String.class)).get())
			.containsExactly("s1:26379", "s2:26379", "s3:26379");
		assertThat(binder.bind("spring.data.redis.password", String.class).orElse("")).isEmpty();
		SearchProperties search = binder.bindOrCreate("forum.search", SearchProperties.class);
		assertThat(search.endpoints()).containsExactly(URI.create("http://es1:9200"), URI.create("http://es2:9200"));
		assertThat(search.replicas()).isEqualTo(1);
		assertThat(binder.bind("spring.mail.host", String.class).get()).isEqualTo("smtp.example");
		assertThat(binder.bind("spring.mail.port", Integer.class).get()).isEqualTo(587);
		assertThat(binder.bind("forum.mail.from", String.class).get()).isEqualTo("Forum <no-reply@forum.example>");
		assertThat(binder.bind("forum.accounts.site-url", URI.class).get()).isEqualTo(URI.create("https://forum.example"));
		assertThat(binder.bind("forum.security.sign-in.trusted-device.secret", String.class).get()).isEqualTo("device-key");
		assertThat(binder.bind("forum.security.client-address.trusted-proxies", Bindable.listOf(String.class))
			.orElse(List.of())).isEmpty();
	}

	@Test
	void withoutAReplicaUrlEveryReadStaysOnThePrimary() {
		Map<String, Object> single = new HashMap<>(CLUSTER);
		single.remove("FORUM_DB_REPLICA_URL");

		ReadReplicaProperties replica = Binder.get(prod(single))
			.bindOrCreate(ReadReplicaProperties.PREFIX, ReadReplicaProperties.class);

		assertThat(replica.enabled()).isFalse();
	}

	@Test
	void theProfileRefusesToStartWithoutTheDatabaseUrlNamingIt() {
		Map<String, Object> withoutDatabase = new HashMap<>(CLUSTER);
		withoutDatabase.remove("FORUM_DB_URL");
		withoutDatabase.put("FORUM_SEARCH_URLS", " ");

		assertThatIllegalStateException().isThrownBy(() -> RequiredEnvironment.check(prod(withoutDatabase)))
			.withMessageContaining("FORUM_DB_URL, FORUM_SEARCH_URLS")
			.withMessageContaining("[prod]");
	}

	@Test
	void otherProfilesRequireNothing() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);

		RequiredEnvironment.check(environment);
	}

	@Test
	void noSecretOrAddressHasADefaultInTheProfile() {
		for (PropertySource<?> source : prodYaml()) {
			EnumerablePropertySource<?> yaml = (EnumerablePropertySource<?>) source;
			for (String name : yaml.getPropertyNames()) {
				String value = String.valueOf(yaml.getProperty(name));
				if (name.matches(".*(password|secret|url|urls|nodes|host)$")) {
					// a placeholder without a default, or with a blank one (the setting is optional)
					assertThat(value).as(name).matches("\\$\\{[A-Z_]+(:)?\\}");
				}
			}
		}
	}

	@Test
	void passwordsAreHashedAtOwaspsCost() throws IOException {
		MemberProperties.PasswordHashing owasp = new MemberProperties.PasswordHashing(19 * 1024, 2);
		StandardEnvironment environment = prod(CLUSTER);
		new YamlPropertySourceLoader().load("security-accounts.yml", new ClassPathResource("config/security-accounts.yml"))
			.forEach(environment.getPropertySources()::addLast);

		assertThat(Binder.get(environment).bindOrCreate("forum.members", MemberProperties.class).passwordHashing())
			.isEqualTo(owasp);
		assertThat(Binder.get(new StandardEnvironment()).bindOrCreate("forum.members", MemberProperties.class)
			.passwordHashing()).as("without any configuration").isEqualTo(owasp);
	}

	private static StandardEnvironment prod(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		prodYaml().forEach(sources::addLast);
		environment.setActiveProfiles("prod");
		return environment;
	}

	private static List<PropertySource<?>> prodYaml() {
		try {
			return new YamlPropertySourceLoader().load("application-prod.yml",
					new ClassPathResource("config/application-prod.yml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
