package dev.daprspring.core.pubsub;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.core.convert.DaprConversionException;
import dev.daprspring.core.convert.DaprValueConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The CloudEvents JSON that {@link CloudEventWriter} produces, and what {@link CloudEvent}
 * accepts.
 */
class CloudEventWriterTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CloudEventWriter writer = new CloudEventWriter(new DaprValueConverter(this.json));

	record Order(String id, int quantity) {
	}

	static class Unwritable {

		public String getName() {
			throw new IllegalStateException("broken getter");
		}

	}

	@Test
	void writesTheAttributesExtensionsAndJsonData() {
		CloudEvent<Order> event = CloudEvent.of("e-1", "urn:orders", "com.example.placed", new Order("o-1", 2))
			.withSubject("o-1")
			.withTime(OffsetDateTime.parse("2025-01-02T03:04:05+01:00"))
			.withExtension("tenant", "acme")
			.withExtension("priority", 3);

		JsonNode envelope = write(event);

		assertThat(envelope.path("specversion").asString()).isEqualTo("1.0");
		assertThat(envelope.path("id").asString()).isEqualTo("e-1");
		assertThat(envelope.path("source").asString()).isEqualTo("urn:orders");
		assertThat(envelope.path("type").asString()).isEqualTo("com.example.placed");
		assertThat(envelope.path("subject").asString()).isEqualTo("o-1");
		assertThat(envelope.path("time").asString()).isEqualTo("2025-01-02T03:04:05+01:00");
		assertThat(envelope.path("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(envelope.path("data")).isEqualTo(this.json.valueToTree(new Order("o-1", 2)));
		assertThat(envelope.path("tenant").asString()).isEqualTo("acme");
		assertThat(envelope.path("priority").asInt()).isEqualTo(3);
	}

	@Test
	void writesBytesAsBase64AndTextAsAString() {
		JsonNode bytes = write(CloudEvent.of("e-2", "urn:s", "t", new byte[] { 1, 2, 3 }));
		assertThat(bytes.path("data_base64").asString()).isEqualTo("AQID");
		assertThat(bytes.has("data")).isFalse();
		assertThat(bytes.path("datacontenttype").asString()).isEqualTo("application/octet-stream");

		JsonNode text = write(CloudEvent.of("e-3", "urn:s", "t", "hello"));
		assertThat(text.path("data").asString()).isEqualTo("hello");
		assertThat(text.path("datacontenttype").asString()).isEqualTo("text/plain");
	}

	@Test
	void keepsAGivenContentTypeAndLeavesOutWhatIsNotSet() {
		JsonNode given = write(CloudEvent.of("e-4", "urn:s", "t", "<a/>").withDataContentType("application/xml"));
		assertThat(given.path("datacontenttype").asString()).isEqualTo("application/xml");

		JsonNode empty = write(CloudEvent.of("e-5", "urn:s", "t", null));
		assertThat(empty.has("data")).isFalse();
		assertThat(empty.has("datacontenttype")).isFalse();
		assertThat(empty.has("subject")).isFalse();
		assertThat(empty.has("time")).isFalse();
	}

	@Test
	void dataJacksonCannotWriteNamesTheEvent() {
		CloudEvent<Unwritable> event = CloudEvent.of("e-6", "urn:s", "t", new Unwritable());

		assertThatExceptionOfType(DaprConversionException.class).isThrownBy(() -> this.writer.write(event))
			.withMessageContaining("Cannot write CloudEvent 'e-6' as JSON")
			.withMessageContaining("broken getter");
	}

	@Test
	void requiredAttributesAndReservedExtensionNamesAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.of("", "urn:s", "t", null))
			.withMessageContaining("CloudEvent id must not be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEvent.of("e", " ", "t", null))
			.withMessageContaining("CloudEvent source must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CloudEvent.of("e", "urn:s", "t", null).withExtension("subject", "s"))
			.withMessageContaining("'subject' is an attribute of the event itself");
		assertThat(CloudEvent.of("e", "urn:s", "t", null).withExtension("tenant", "a").extensions())
			.isEqualTo(Map.of("tenant", "a"));
	}

	private JsonNode write(CloudEvent<?> event) {
		return this.json.readTree(this.writer.write(event).toByteArray());
	}

}
