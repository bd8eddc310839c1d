package dev.daprspring.boot.autoconfigure.messaging;

import org.junit.jupiter.api.Test;

import dev.daprspring.boot.sidecar.DaprSidecar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redelivery on RETRY and sidecar restarts over streaming subscriptions with {@code pubsub.redis}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.messaging.delivery=streaming" })
class RedisStreamingTopicDeliveryIntegrationTests extends RedisTopicSuite {

	@Autowired
	DaprSidecar sidecar;

	@DynamicPropertySource
	static void pubsub(DynamicPropertyRegistry registry) {
		redisPubSub(registry);
	}

	@Test
	void theStreamsAreOpenedAgainAfterTheSidecarRestarts() throws Exception {
		this.dapr.pubsub().publish("steady", new Order("before", 1));
		assertThat(this.received.<Order>next("steady")).isEqualTo(new Order("before", 1));
		this.sidecar.restart();
		// The client's channel may still be backing off from the refused connections of the restart.
		this.dapr.waitForSidecar(Received.PATIENCE);
		this.dapr.pubsub().publish("steady", new Order("after", 2));
		assertThat(this.received.<Order>next("steady")).isEqualTo(new Order("after", 2));
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(RedisHandlersConfiguration.class)
	static class App {

	}

}
