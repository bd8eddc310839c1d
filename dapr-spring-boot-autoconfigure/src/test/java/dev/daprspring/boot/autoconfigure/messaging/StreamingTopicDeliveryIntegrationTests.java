package dev.daprspring.boot.autoconfigure.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The same handlers over streaming subscriptions: the application has no web server and
 * no app port; it opens a stream per topic to the sidecar it launched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dapr.sidecar.launch=always", "dapr.messaging.delivery=streaming",
				"test.topics.orders=orders-from-placeholder" })
class StreamingTopicDeliveryIntegrationTests extends TopicHandlersSuite {

	@Override
	String subscriptionType() {
		return "STREAMING";
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(HandlersConfiguration.class)
	static class App {

	}

}
