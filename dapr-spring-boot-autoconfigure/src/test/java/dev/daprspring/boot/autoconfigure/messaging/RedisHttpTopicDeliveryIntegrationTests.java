package dev.daprspring.boot.autoconfigure.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redelivery on RETRY over the HTTP app channel with {@code pubsub.redis}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dapr.sidecar.launch=always")
class RedisHttpTopicDeliveryIntegrationTests extends RedisTopicSuite {

	@DynamicPropertySource
	static void pubsub(DynamicPropertyRegistry registry) {
		redisPubSub(registry);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(RedisHandlersConfiguration.class)
	static class App {

	}

}
