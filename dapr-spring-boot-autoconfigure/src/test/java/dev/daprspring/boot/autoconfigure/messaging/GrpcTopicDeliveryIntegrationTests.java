package dev.daprspring.boot.autoconfigure.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The same handlers over the gRPC app channel: the application has no web server; daprd,
 * launched with {@code --app-protocol grpc} and Spring gRPC's server port as its app port,
 * reads the subscriptions with {@code ListTopicSubscriptions} and calls
 * {@code OnTopicEvent}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.app.protocol=grpc", "spring.grpc.server.port=0",
				"test.topics.orders=orders-from-placeholder" })
class GrpcTopicDeliveryIntegrationTests extends TopicHandlersSuite implements RoutingRulesSuite {

	@Override
	String subscriptionType() {
		return "PROGRAMMATIC";
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ HandlersConfiguration.class, RoutingHandlers.class })
	static class App {

	}

}
