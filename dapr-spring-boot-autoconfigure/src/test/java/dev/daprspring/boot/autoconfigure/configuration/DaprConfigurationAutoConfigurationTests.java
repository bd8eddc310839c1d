package dev.daprspring.boot.autoconfigure.configuration;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.boot.sidecar.Ports;
import dev.daprspring.core.error.DaprSidecarUnavailableException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of {@link DaprConfigurationAutoConfiguration}; no sidecar is reached.
 */
class DaprConfigurationAutoConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprConfigurationAutoConfiguration.class));

	@Test
	void withoutDeclaredSubscriptionsNothingIsSubscribed() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DaprConfigurationSubscriptions.class);
			assertThat(context.getBean(DaprConfigurationSubscriptions.class).isRunning()).isTrue();
			assertThat(context.getBean(DaprConfigurationSubscriptions.class).getSubscriptions()).isEmpty();
		});
	}

	@Test
	void withoutDaprOperationsThereIsNoSubscriber() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DaprConfigurationAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DaprConfigurationSubscriptions.class));
	}

	@Test
	void keysBindFromACommaSeparatedList() {
		DaprConfigurationProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("dapr.configuration.subscriptions[0].store", "configstore",
						"dapr.configuration.subscriptions[0].keys", "a,b",
						"dapr.configuration.subscriptions[1].store", "other")))
			.bind("dapr.configuration", DaprConfigurationProperties.class)
			.get();
		assertThat(properties.getSubscriptions()).hasSize(2);
		assertThat(properties.getSubscriptions().get(0).getStore()).isEqualTo("configstore");
		assertThat(properties.getSubscriptions().get(0).getKeys()).containsExactly("a", "b");
		assertThat(properties.getSubscriptions().get(1).getKeys()).isEmpty();
	}

	@Test
	void aSubscriptionWithoutAStoreFailsNamingTheProperty() {
		this.runner.withPropertyValues("dapr.configuration.subscriptions[0].keys=a").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("dapr.configuration.subscriptions[0].store must name a configuration store");
		});
	}

	@Test
	void anUnreachableSidecarFailsTheStartupNamingItsEndpoint() {
		String endpoint = "http://127.0.0.1:" + Ports.free();
		this.runner
			.withPropertyValues("dapr.client.grpc-endpoint=" + endpoint,
					"dapr.configuration.subscriptions[0].store=configstore")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).cause()
					.isInstanceOf(DaprSidecarUnavailableException.class)
					.hasMessageContaining("Dapr sidecar at " + endpoint + " is unavailable (configuration.subscribe "
							+ "on 'configstore')");
			});
	}

}
