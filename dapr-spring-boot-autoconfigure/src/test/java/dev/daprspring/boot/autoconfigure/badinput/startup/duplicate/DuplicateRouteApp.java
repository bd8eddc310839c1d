package dev.daprspring.boot.autoconfigure.badinput.startup.duplicate;

import dev.daprspring.messaging.annotation.Topic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Two handlers for the default route of one topic. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class DuplicateRouteApp {

	@Bean
	Billing billing() {
		return new Billing();
	}

	@Bean
	Shipping shipping() {
		return new Shipping();
	}

	static class Billing {

		@Topic(name = "orders")
		void bill(String order) {
		}

	}

	static class Shipping {

		@Topic(name = "orders")
		void ship(String order) {
		}

	}

}
