package dev.daprspring.boot.autoconfigure.badinput.startup.cel;

import dev.daprspring.messaging.annotation.Topic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A handler whose {@code match} is not CEL. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class CelApp {

	@Bean
	Handlers celHandlers() {
		return new Handlers();
	}

	static class Handlers {

		@Topic(name = "shapes", match = "event.type == ((", priority = "0")
		void circle(String shape) {
		}

		@Topic(name = "shapes")
		void other(String shape) {
		}

	}

}
