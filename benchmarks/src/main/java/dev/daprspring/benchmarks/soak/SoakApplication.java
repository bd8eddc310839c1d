package dev.daprspring.benchmarks.soak;

import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.messaging.annotation.Topic;
import org.springframework.beans.factory.annotation.Value;
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
	SoakHandler soakHandler(SoakLedger ledger, @Value("${soak.handler-millis:0}") long millis) {
		return new SoakHandler(ledger, millis);
	}

	/** The handler: returning normally acknowledges the event. */
	static class SoakHandler {

		private final SoakLedger ledger;

		private final long millis;

		SoakHandler(SoakLedger ledger, long millis) {
			this.ledger = ledger;
			this.millis = millis;
		}

		// The pause stands for the handler's work: deliveries are still in flight and queued when the sidecar stops.
		@Topic(name = TOPIC)
		void handle(CloudEvent<SoakEvent> event) throws InterruptedException {
			if (this.millis > 0) {
				Thread.sleep(this.millis);
			}
			this.ledger.delivered(event.data().sequence(), event.id());
		}

	}

}
