package dev.daprspring.boot.autoconfigure.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The handlers every delivery mode's test runs.
 */
@Configuration(proxyBeanMethods = false)
class HandlersConfiguration {

	@Bean
	Received received() {
		return new Received();
	}

	@Bean
	TopicHandlers topicHandlers(Received received) {
		return new TopicHandlers(received);
	}

}
