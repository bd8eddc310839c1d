package dev.daprspring.messaging.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daprspring.messaging.delivery.IncomingEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link CloudEventReader} splits the body daprd posts into data and attributes.
 */
class CloudEventReaderTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final CloudEventReader reader = new CloudEventReader(this.json);

	@Test
	void objectDataIsPassedOnAsTheJsonItWasWithTheOtherFieldsAsAttributes() {
		IncomingEvent event = read("""
				{"id": "e-1", "source": "orders", "specversion": "1.0", "traceid": null,
				 "data": {"item": "bö\\u00f6k", "tags": ["a", {"b": [1, 2.5e3]}], "nested": {}},
				 "extension": {"n": 1}, "count": 3}
				""");
		assertThat(tree(event.data())).isEqualTo(this.json.readTree(
				"{\"item\": \"b\u00f6\u00f6k\", \"tags\": [\"a\", {\"b\": [1, 2.5e3]}], \"nested\": {}}"));
		assertThat(event.attributes()).containsEntry("id", "e-1")
			.containsEntry("source", "orders")
			.containsEntry("extension", Map.of("n", 1))
			.containsEntry("count", 3)
			.doesNotContainKeys("traceid", "data");
	}

	@Test
	void arrayDataAtTheEndOfTheBodyIsWhole() {
		IncomingEvent event = read("{\"id\": \"e-2\", \"data\": [1, [2, 3], {\"x\": \"]\"}]}");
		assertThat(tree(event.data())).isEqualTo(this.json.readTree("[1, [2, 3], {\"x\": \"]\"}]"));
	}

	@Test
	void stringDataIsItsCharactersAndScalarsTheirJsonText() {
		assertThat(text(read("{\"data\": \"hello \\\"world\\\"\"}").data())).isEqualTo("hello \"world\"");
		assertThat(text(read("{\"data\": 42}").data())).isEqualTo("42");
		assertThat(text(read("{\"data\": -1.5e-3}").data())).isEqualTo("-1.5e-3");
		assertThat(text(read("{\"data\": true}").data())).isEqualTo("true");
		assertThat(read("{\"data\": null, \"id\": \"e\"}").data()).isEmpty();
	}

	@Test
	void base64DataIsDecoded() {
		IncomingEvent event = read("{\"id\": \"raw\", \"data_base64\": \"aGVsbG8=\"}");
		assertThat(text(event.data())).isEqualTo("hello");
		assertThat(event.attributes()).containsEntry("id", "raw").doesNotContainKey("data_base64");
	}

	@Test
	void aBodyThatIsNoEnvelopeIsTheDataAsItIs() {
		for (String body : List.of("not json", "[1, 2]", "\"text\"", "{\"data\": {\"open\": ", "{\"data\": 1} {}",
				"{\"data_base64\": \"!!not base64!!\"}")) {
			IncomingEvent event = read(body);
			assertThat(text(event.data())).as(body).isEqualTo(body);
			assertThat(event.attributes()).as(body).isEmpty();
		}
	}

	private IncomingEvent read(String body) {
		return this.reader.read("pubsub", "orders", body.getBytes(StandardCharsets.UTF_8), false);
	}

	private JsonNode tree(byte[] data) {
		return this.json.readTree(data);
	}

	private static String text(byte[] data) {
		return new String(data, StandardCharsets.UTF_8);
	}

}
