package dev.daprspring.boot.autoconfigure.messaging;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions declared in {@code dapr.messaging.subscriptions} that cannot be published
 * stop the application with a message naming the entry and what to set.
 */
class DeclaredSubscriptionsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DaprClientAutoConfiguration.class,
				DaprMessagingAutoConfiguration.class));

	@Test
	void aSubscriptionWithoutARouteFailsNamingTheEntryAndAnExample() {
		this.runner.withPropertyValues("dapr.messaging.subscriptions[0].topic=orders")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("dapr.messaging.subscriptions[0]: The subscription to topic 'orders' has route ''; set a "
						+ "path the application serves, for example route=/orders"));
	}

	@Test
	void aSubscriptionWithoutATopicFailsNamingTheEntry() {
		this.runner
			.withPropertyValues("dapr.messaging.subscriptions[0].topic=orders",
					"dapr.messaging.subscriptions[0].route=/orders", "dapr.messaging.subscriptions[1].route=/refunds")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("dapr.messaging.subscriptions[1]: A declared subscription has no topic; set its topic, "
						+ "for example topic=orders"));
	}

}
