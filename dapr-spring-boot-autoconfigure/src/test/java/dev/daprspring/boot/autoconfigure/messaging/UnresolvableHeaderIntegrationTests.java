package dev.daprspring.boot.autoconfigure.messaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.daprspring.core.DaprOperations;
import dev.daprspring.core.pubsub.CloudEvent;
import dev.daprspring.core.pubsub.PublishOptions;
import dev.daprspring.messaging.annotation.Topic;
import dev.daprspring.messaging.handler.DaprHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.handler.annotation.Header;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that lacks a required {@code @Header}, or whose header cannot be converted to
 * the parameter's type, can never be handled: the real sidecar is told {@code DROP} (the
 * event reaches the dead-letter topic) instead of {@code RETRY}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dapr.sidecar.launch=always")
@ExtendWith(OutputCaptureExtension.class)
class UnresolvableHeaderIntegrationTests {

	@Autowired
	DaprOperations dapr;

	@Autowired
	Received received;

	@Test
	void anEventWithoutARequiredHeaderIsDroppedNamingTheHeader(CapturedOutput output) throws Exception {
		this.dapr.pubsub().publish("parcels", "p", PublishOptions.none().withId("parcel-1"));
		assertThat(this.received.<String>next("parcels-dead")).isEqualTo("parcel-1");
		assertThat(output).contains("Dropping event 'parcel-1'")
			.contains("Missing header '" + DaprHeaders.SUBJECT + "'")
			.doesNotContain("answering RETRY");
	}

	@Test
	void anEventWhoseHeaderCannotBeConvertedIsDroppedNamingTheValue(CapturedOutput output) throws Exception {
		this.dapr.pubsub().publish("crates", "c", PublishOptions.none().withId("crate-1").withSubject("many"));
		assertThat(this.received.<String>next("crates-dead")).isEqualTo("crate-1");
		assertThat(output).contains("Dropping event 'crate-1'")
			.contains("[many]")
			.doesNotContain("answering RETRY");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ Received.class, HeaderHandlers.class })
	static class App {

	}

	/**
	 * Handlers whose headers the events cannot fill, and the handlers of their dead-letter topics.
	 */
	static class HeaderHandlers {

		private final Received received;

		HeaderHandlers(Received received) {
			this.received = received;
		}

		@Topic(name = "parcels", deadLetterTopic = "parcels-dead")
		void parcel(String data, @Header(DaprHeaders.SUBJECT) String subject) {
			this.received.add("parcels", subject);
		}

		@Topic(name = "crates", deadLetterTopic = "crates-dead")
		void crate(String data, @Header(DaprHeaders.SUBJECT) int count) {
			this.received.add("crates", count);
		}

		@Topic(name = "parcels-dead")
		void deadParcel(CloudEvent<String> event) {
			this.received.add("parcels-dead", event.id());
		}

		@Topic(name = "crates-dead")
		void deadCrate(CloudEvent<String> event) {
			this.received.add("crates-dead", event.id());
		}

	}

}
