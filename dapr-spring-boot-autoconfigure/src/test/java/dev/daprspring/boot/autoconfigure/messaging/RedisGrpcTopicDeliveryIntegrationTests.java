package dev.daprspring.boot.autoconfigure.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redelivery on RETRY over the gRPC app channel with {@code pubsub.redis}: a handler's
 * exception answers {@code OnTopicEvent} with RETRY.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.app.protocol=grpc", "spring.grpc.server.port=0" })
class RedisGrpcTopicDeliveryIntegrationTests extends RedisTopicSuite {

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
