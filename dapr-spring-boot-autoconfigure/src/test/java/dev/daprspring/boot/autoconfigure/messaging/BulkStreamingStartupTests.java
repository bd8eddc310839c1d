package dev.daprspring.boot.autoconfigure.messaging;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.autoconfigure.client.DaprClientAutoConfiguration;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming subscriptions cannot deliver batches: an application with a bulk
 * {@code @Topic} and {@code dapr.messaging.delivery=streaming} fails to start, saying why
 * and what to change.
 */
class BulkStreamingStartupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DaprClientAutoConfiguration.class, DaprMessagingAutoConfiguration.class));

	@Test
	void streamingStartupFailsOnABulkTopicNamingTheHandlerAndTheAlternatives() {
		this.runner.withBean(BulkHandlers.class)
			.withPropertyValues("dapr.messaging.delivery=streaming", "dapr.client.grpc-endpoint=http://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("Topic 'orders' of pub/sub 'pubsub' has a bulk handler")
					.hasMessageContaining("BulkHandlers.orders(List)")
					.hasMessageContaining("Remove bulk = \"true\"");
				assertThat(new StreamingDeliveryFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
					.contains("Remove bulk = \"true\"")
					.contains("dapr.messaging.delivery=http");
			});
	}

	static class BulkHandlers {

		@Topic(name = "orders", bulk = "true")
		void orders(List<Order> orders) {
		}

	}

}
