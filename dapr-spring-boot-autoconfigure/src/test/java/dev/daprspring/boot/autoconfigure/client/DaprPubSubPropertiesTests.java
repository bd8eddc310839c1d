package dev.daprspring.boot.autoconfigure.client;

import org.junit.jupiter.api.Test;

import dev.daprspring.core.DaprTemplate;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dapr.pubsub.default-name} reaches {@link DaprTemplate#pubsub()}.
 */
class DaprPubSubPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class));

	@Test
	void theDefaultPubsubIsNamedPubsub() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(DaprPubSubProperties.class).getDefaultName()).isEqualTo("pubsub");
			assertThat(context.getBean(DaprTemplate.class).pubsub().pubsubName()).isEqualTo("pubsub");
		});
	}

	@Test
	void theEnvironmentsDefaultPubsubIsReadThroughTheProperties() {
		MockEnvironment environment = new MockEnvironment();
		assertThat(DaprPubSubProperties.defaultName(environment)).isEqualTo("pubsub");
		environment.setProperty("dapr.pubsub.default-name", "orders-bus");
		assertThat(DaprPubSubProperties.defaultName(environment)).isEqualTo("orders-bus");
		assertThat(DaprPubSubProperties.defaultNamePlaceholder()).isEqualTo("${dapr.pubsub.default-name:pubsub}");
	}

	@Test
	void theDefaultPubsubComesFromTheProperty() {
		this.contextRunner.withPropertyValues("dapr.pubsub.default-name=orders-bus")
			.run((context) -> assertThat(context.getBean(DaprTemplate.class).pubsub().pubsubName())
				.isEqualTo("orders-bus"));
	}

}
