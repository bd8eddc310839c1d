package dev.daprspring.benchmarks.soak;

import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application under soak: a web application (HTTP app channel) with one {@code @Topic}
 * handler that records each event id it is given, and the sidecar it launches itself.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class SoakApplication {

	static final String TOPIC = "soak";

	@Bean
	SoakLedger soakLedger() {
		return new SoakLedger();
	}

	@Bean
	SoakHandler soakHandler(SoakLedger ledger) {
		return new SoakHandler(ledger);
	}

	/** The handler: returning normally acknowledges the event. */
	static class SoakHandler {

		private final SoakLedger ledger;

		SoakHandler(SoakLedger ledger) {
			this.ledger = ledger;
		}

		@Topic(name = TOPIC)
		void handle(CloudEvent<SoakEvent> event) {
			this.ledger.delivered(event.id());
		}

	}

}
