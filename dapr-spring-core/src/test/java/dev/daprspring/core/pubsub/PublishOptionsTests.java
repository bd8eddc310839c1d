package dev.daprspring.core.pubsub;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * How {@link PublishOptions} become the metadata of a publish request.
 */
class PublishOptionsTests {

	@Test
	void noneSendsNoMetadata() {
		assertThat(PublishOptions.none().requestMetadata()).isEmpty();
	}

	@Test
	void ttlRawPayloadAndAttributesBecomeDaprMetadata() {
		PublishOptions options = PublishOptions.none()
			.withMetadata("partitionKey", "p1")
			.withTtl(Duration.ofMinutes(2))
			.withId("e-1")
			.withSource("urn:s")
			.withType("t")
			.withSubject("subj");

		assertThat(options.requestMetadata()).containsOnly(entry("partitionKey", "p1"), entry("ttlInSeconds", "120"),
				entry("cloudevent.id", "e-1"), entry("cloudevent.source", "urn:s"), entry("cloudevent.type", "t"),
				entry("cloudevent.subject", "subj"));
		assertThat(PublishOptions.none().withRawPayload(true).requestMetadata())
			.containsOnly(entry("rawPayload", "true"));
	}

	@Test
	void withMethodsLeaveTheOriginalUnchanged() {
		PublishOptions base = PublishOptions.none().withContentType("text/csv");
		PublishOptions changed = base.withMetadata("k", "v").withContentType("application/xml");

		assertThat(base.contentType()).isEqualTo("text/csv");
		assertThat(base.metadata()).isEmpty();
		assertThat(changed.contentType()).isEqualTo("application/xml");
		assertThat(changed.metadata()).containsOnly(entry("k", "v"));
	}

	@Test
	void aTtlUnderOneSecondIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> PublishOptions.none().withTtl(Duration.ofMillis(500)))
			.withMessageContaining("TTL must be at least one second")
			.withMessageContaining("PT0.5S");
	}

	@Test
	void aRawPayloadCannotCarryCloudEventAttributes() {
		PublishOptions options = PublishOptions.none().withRawPayload(true).withType("t").withSubject("s");

		assertThatIllegalArgumentException().isThrownBy(options::requestMetadata)
			.withMessageContaining("rawPayload")
			.withMessageContaining("[type, subject]")
			.withMessageContaining("no CloudEvent envelope");
	}

}
