package dev.daprspring.boot.autoconfigure.lock;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.core.lock.DaprLockRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class DaprLockAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprLockAutoConfiguration.class))
		.withPropertyValues("dapr.client.grpc-endpoint=http://127.0.0.1:1");

	@Test
	void noLockRegistryWithoutAStore() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(LockRegistry.class));
	}

	@Test
	void aStoreGivesALockRegistryWithTheDefaults() {
		this.runner.withPropertyValues("dapr.lock.store=locks").run((context) -> {
			assertThat(context).hasSingleBean(DaprLockRegistry.class);
			assertThat(context.getBean(LockRegistry.class)).hasFieldOrPropertyWithValue("store", "locks")
				.hasFieldOrPropertyWithValue("expiry", Duration.ofSeconds(60))
				.hasFieldOrPropertyWithValue("idleBetweenTries", Duration.ofMillis(100));
		});
	}

	@Test
	void expiryAndIdleBetweenTriesComeFromProperties() {
		this.runner
			.withPropertyValues("dapr.lock.store=locks", "dapr.lock.expiry=2m", "dapr.lock.idle-between-tries=20ms")
			.run((context) -> assertThat(context.getBean(DaprLockRegistry.class))
				.hasFieldOrPropertyWithValue("expiry", Duration.ofMinutes(2))
				.hasFieldOrPropertyWithValue("idleBetweenTries", Duration.ofMillis(20)));
	}

	@Test
	void anExpiryOfAFractionOfASecondFailsTheStartupNamingTheProperty() {
		this.runner.withPropertyValues("dapr.lock.store=locks", "dapr.lock.expiry=1500ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("dapr.lock.expiry")
				.hasStackTraceContaining("must be whole seconds, at least one"));
	}

	@Test
	void aBlankStoreFailsTheStartup() {
		this.runner.withPropertyValues("dapr.lock.store= ")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("must name a lock store component"));
	}

	@Test
	void anApplicationsOwnLockRegistryWins() {
		this.runner.withPropertyValues("dapr.lock.store=locks")
			.withUserConfiguration(OwnRegistry.class)
			.run((context) -> assertThat(context.getBean(LockRegistry.class)).isInstanceOf(DefaultLockRegistry.class));
	}

	@Test
	void noLockRegistryWithoutSpringIntegration() {
		this.runner.withPropertyValues("dapr.lock.store=locks")
			.withClassLoader(new FilteredClassLoader(LockRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DaprLockRegistry.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnRegistry {

		@Bean
		LockRegistry<?> lockRegistry() {
			return new DefaultLockRegistry();
		}

	}

}
